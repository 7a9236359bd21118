package org.gongkai.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A kind or scope the module does not know is the caller's mistake: 400, naming the field. */
class ConsultationInputIntegrationTests extends PlatformIntegrationTests {

  @Test
  void anUnknownKindThroughTheApiIsRefusedNamingTheField() {
    Fixture f = newAgency();
    Api.Response r =
        api()
            .post(
                "/api/v1/admin/consultations",
                "{\"agency\":\""
                    + f.agency().code()
                    + "\",\"kind\":\"REFERENDUM\",\"scope\":\"PUBLIC\",\"title\":\"t\","
                    + "\"draftText\":\"x\",\"opensOn\":\"2026-03-02\",\"closesOn\":\"2026-04-30\"}",
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().getContentType().toString()).contains("application/problem+json");
    assertThat(r.<List<String>>json("$.errors[*].field")).containsExactly("kind");
    assertThat(r.<List<String>>json("$.errors[*].message").get(0))
        .contains("CALL_FOR_COMMENTS", "PUBLIC_NOTICE");
  }

  @Test
  void anUnknownScopeOnTheConsoleFormIsRefusedInChineseNamingTheField() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());
    MockHttpServletResponse page =
        mvc.perform(
                post("/console/consultations")
                    .session(session)
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .param("agency", f.agency().code())
                    .param("kind", "CALL_FOR_COMMENTS")
                    .param("scope", "EVERYONE")
                    .param("title", "关于城市绿化的征求意见稿")
                    .param("draftText", "第一条")
                    .param("opensOn", LocalDate.of(2026, 3, 2).toString())
                    .param("closesOn", LocalDate.of(2026, 4, 30).toString()))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(400);
    assertThat(page.getContentAsString()).contains("“scope”的值无效", "PUBLIC, INTERNAL");
  }
}
