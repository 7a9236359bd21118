package org.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The document form carries the editor's toolbar and scripts, and previews the body as the portal
 * will show it.
 */
class DocumentPreviewIntegrationTests extends PlatformIntegrationTests {

  @Test
  void theFormOffersTheEditorAndAPreviewCleanedLikeTheSavedBody() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());

    String form =
        mvc.perform(get("/console/documents/new").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains(
            "id=\"body-toolbar\"",
            "data-toolbar=\"body-toolbar\"",
            "/vendor/squire-2.4.8/squire",
            "/vendor/dompurify-3.4.18/purify",
            "/js/editor",
            "id=\"preview-document\"",
            "加粗");
    assertThat(form)
        .as("scripts from the platform only, no inline script")
        .doesNotContain("<script>");

    String preview =
        mvc.perform(
                post("/console/documents/preview")
                    .session(session)
                    .with(csrf())
                    .param("title", "预览中的通知")
                    .param("docNumber", "临政〔2026〕1号")
                    .param(
                        "body", "<p onclick=\"x()\">第一段<script>alert(1)</script></p><h2>标题</h2>"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("预览：尚未保存", "预览中的通知", "临政〔2026〕1号", "<p>第一段</p>", "<h2>标题</h2>")
        .doesNotContain("onclick", "alert(1)");
  }
}
