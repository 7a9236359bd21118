package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff change their own password in the console, under the same rules as any password. */
class PasswordChangeIntegrationTests extends PlatformIntegrationTests {

  private static final String CHOSEN = "lantern river 41 kites";

  private MvcResult change(
      MockMvc mvc, MockHttpSession session, String current, String chosen, String repeated)
      throws Exception {
    return mvc.perform(
            post("/console/password")
                .session(session)
                .with(csrf())
                .param("current", current)
                .param("password", chosen)
                .param("repeated", repeated))
        .andReturn();
  }

  private long audited(String actor, String action) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action = ?")
        .params(actor, action)
        .query(Long.class)
        .single();
  }

  @Test
  void aMemberOfStaffChangesTheirPasswordWithTheCurrentOneAndOtherSessionsEnd() throws Exception {
    Fixture f = newAgency();
    String me = f.editor().username();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, me);
    MockHttpSession elsewhere = consoleSession(mvc, me);
    MvcResult page = mvc.perform(get("/console/password").session(session)).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(page.getResponse().getContentAsString()).contains("name=\"current\"");

    MvcResult wrong = change(mvc, session, "not-my-password", CHOSEN, CHOSEN);
    assertThat(wrong.getModelAndView().getModel().get("refusal"))
        .isEqualTo("account.password.current-wrong");
    assertThat(audited(me, "account.password-change-refused")).isEqualTo(1);

    MvcResult common = change(mvc, session, PASSWORD, "Password2024!", "Password2024!");
    assertThat(common.getModelAndView().getModel().get("refusal"))
        .isEqualTo("account.password.common");
    MvcResult differs = change(mvc, session, PASSWORD, CHOSEN, CHOSEN + "x");
    assertThat(differs.getModelAndView().getModel().get("refusal"))
        .isEqualTo("account.password.repeat-differs");
    assertThat(audited(me, "account.password-changed")).isZero();

    MvcResult done = change(mvc, session, PASSWORD, CHOSEN, CHOSEN);
    assertThat(done.getModelAndView().getModel().get("notice"))
        .isEqualTo("account.password.changed");
    assertThat(audited(me, "account.password-changed")).isEqualTo(1);
    assertThat(mvc.perform(get("/console").session(session)).andReturn().getResponse().getStatus())
        .as("this session carries on")
        .isEqualTo(200);
    assertThat(
            mvc.perform(get("/console").session(elsewhere))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .as("the other session has ended")
        .contains("/login");

    assertThat(api().get("/api/v1/admin/documents", me, PASSWORD).status()).isEqualTo(401);
    assertThat(api().get("/api/v1/admin/documents", me, CHOSEN).status()).isEqualTo(200);
  }

  @Test
  void anAdministratorCannotGiveAnAccountACommonPasswordEither() {
    Fixture f = newAgency();
    Api.Response refused =
        api()
            .post(
                "/api/v1/admin/accounts",
                "{\"username\":\"clerk-"
                    + f.agency().code().substring(8).toLowerCase()
                    + "\",\"displayName\":\"文员\",\"role\":\"EDITOR\",\"agency\":\""
                    + f.agency().code()
                    + "\",\"password\":\"qwertyuiop123\",\"enabled\":true}",
                f.agencyAdmin().username(),
                PASSWORD);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("password");
    assertThat(refused.body()).contains("太常见");
  }
}
