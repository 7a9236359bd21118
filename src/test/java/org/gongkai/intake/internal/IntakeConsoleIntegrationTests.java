package org.gongkai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.catalog.EditorialDocument;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 从公文识别 in the console: the new-draft page offers the upload, the recognised form marks what to
 * check, and saving makes the draft with the kept attachments and an audit record of the intake.
 */
class IntakeConsoleIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aSignedDocumentBecomesADraftWithItsAttachments() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());
    assertThat(
            mvc.perform(get("/console/documents/new").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("从公文识别", "action=\"/console/intake\"", "enctype=\"multipart/form-data\"");

    IntakeSpec spec = IntakeSpec.byId("16").issuedBy(f.agency().name());
    String form =
        mvc.perform(
                multipart("/console/intake")
                    .file(new MockMultipartFile("file", "签发件.docx", null, SampleDocx.write(spec)))
                    .session(session)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains(
            "从公文识别的草稿",
            "签发件.docx",
            "value=\"" + spec.title() + "\"",
            "value=\"临交发〔2026〕14号\"",
            "value=\"2026-05-06\"",
            "附件1-道路运输安全生产检查表.docx",
            "附件3-隐患整改台账.docx",
            "签发件.docx")
        .contains("id=\"column-check\"", "请核对", "栏目是按发文机关预选的")
        .doesNotContain("id=\"title-check\"");
    Matcher id = Pattern.compile("name=\"intakeId\" value=\"([^\"]+)\"").matcher(form);
    assertThat(id.find()).isTrue();

    MvcResult saved =
        mvc.perform(
                post("/console/intake/draft")
                    .session(session)
                    .with(csrf())
                    .param("intakeId", id.group(1))
                    .param("column", String.valueOf(f.policies().id()))
                    .param("title", spec.title())
                    .param("docNumber", "临交发〔2026〕14号")
                    .param("issuedOn", "2026-05-06")
                    .param("kind", "GENERAL")
                    .param("disclosureMode", "PROACTIVE")
                    .param("validity", "VALID")
                    .param("body", "<p>正文。</p>")
                    .param("keep", "0", "2"))
            .andReturn();
    String location = saved.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/console/documents/");
    long documentId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    EditorialDocument doc = editorial.get(documentId, f.editor());
    assertThat(doc.working().docNumber()).isEqualTo("临交发〔2026〕14号");
    assertThat(doc.working().attachments())
        .extracting(a -> a.fileName())
        .containsExactly("附件1-道路运输安全生产检查表.docx", "附件3-隐患整改台账.docx");
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_record WHERE action = 'document.intake' AND subject_id = ?")
                .param(String.valueOf(documentId))
                .query(String.class)
                .single())
        .startsWith("签发件.docx");

    String again =
        mvc.perform(
                post("/console/intake/draft")
                    .session(session)
                    .with(csrf())
                    .param("intakeId", id.group(1))
                    .param("title", "x")
                    .param("body", "x"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(again).isEqualTo("/console/documents/new");
  }

  @Test
  void aScannedPdfIsRefusedOnTheNewDraftPage() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());
    MvcResult r =
        mvc.perform(
                multipart("/console/intake")
                    .file(
                        new MockMultipartFile(
                            "file", "scan.pdf", null, IntakePiecesTests.blankPdf()))
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/documents/new");
    assertThat(r.getFlashMap().get("refusal")).isEqualTo("intake.no-text-layer");
  }
}
