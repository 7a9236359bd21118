package org.gongkai.interaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A message type, leader role or session kind the module does not know is the caller's mistake:
 * 400, naming the field, and nothing is stored.
 */
class InteractionInputIntegrationTests extends PlatformIntegrationTests {

  @Test
  void anUnknownMessageTypeThroughTheApiIsRefusedNamingTheField() {
    Fixture f = newAgency();
    String message =
        PublicSubmissions.message(f.agency().code(), "typed")
            .replace("\"type\":\"QUESTION\"", "\"type\":\"RANT\"");
    Api.Response r = api().post("/api/v1/mailbox/messages", api().answered(message), null, null);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.<List<String>>json("$.errors[*].field")).containsExactly("type");
    assertThat(r.<List<String>>json("$.errors[*].message").get(0))
        .contains("QUESTION", "COMPLAINT", "SUGGESTION");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM mailbox_message WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void unknownKindsAndRolesOnTheConsoleFormsAreRefusedInChineseNamingTheField() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.agencyAdmin().username());
    MockHttpServletResponse leader =
        mvc.perform(
                post("/console/interviews/leaders")
                    .session(session)
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .param("agency", f.agency().code())
                    .param("name", "陈建国")
                    .param("title", "局长")
                    .param("role", "KING"))
            .andReturn()
            .getResponse();
    assertThat(leader.getStatus()).isEqualTo(400);
    assertThat(leader.getContentAsString()).contains("“role”的值无效", "HEAD, DEPUTY");

    MockHttpServletResponse session2 =
        mvc.perform(
                post("/console/interviews")
                    .session(session)
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .param("agency", f.agency().code())
                    .param("kind", "PODCAST")
                    .param("heldOn", "2026-03-02"))
            .andReturn()
            .getResponse();
    assertThat(session2.getStatus()).isEqualTo(400);
    assertThat(session2.getContentAsString()).contains("“kind”的值无效", "ONLINE_INTERVIEW");
  }

  @Test
  void anUnknownMessageTypeOnThePublicFormIsRefusedInChinese() throws Exception {
    Fixture f = newAgency();
    MockHttpServletResponse page =
        consoleMvc()
            .perform(
                post("/mailbox")
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .param("agency", f.agency().code())
                    .param("type", "RANT")
                    .param("title", "咨询")
                    .param("content", "请问如何办理？"))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(400);
    assertThat(page.getContentAsString()).contains("“type”的值无效", "QUESTION");
  }
}
