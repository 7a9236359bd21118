package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Administrators set up an authenticator at their first login and give its code at every login
 * after.
 */
@TestPropertySource(
    properties = "gongkai.security.second-factor.required-roles=AGENCY_ADMIN,PLATFORM_ADMIN")
class SecondFactorIntegrationTests extends PlatformIntegrationTests {

  @Autowired WebApplicationContext context;

  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
  }

  @Test
  void anAdministratorSetsUpAnAuthenticatorFirstAndGivesItsCodeAtEveryLogin() throws Exception {
    Fixture f = newAgency();
    String admin = f.agencyAdmin().username();
    MockHttpSession session = login(admin, "/console/second-factor");
    assertThat(
            mvc.perform(get("/console/documents").session(session))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .as("nothing else until it is set up")
        .isEqualTo("/console/second-factor");
    assertThat(api().get("/api/v1/admin/documents", admin, PASSWORD).status())
        .as("nor the API with a password alone")
        .isEqualTo(401);

    String setup =
        mvc.perform(get("/console/second-factor").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(setup).contains("<svg", "totp-key");
    Matcher key = Pattern.compile("id=\"totp-key\">([A-Z2-7 ]+)<").matcher(setup);
    assertThat(key.find()).isTrue();
    String secret = key.group(1).replace(" ", "");
    assertThat(
            mvc.perform(
                    post("/console/second-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", "000000"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("验证码不正确");
    MvcResult enabled =
        mvc.perform(
                post("/console/second-factor")
                    .session(session)
                    .with(csrf())
                    .param("code", now(secret)))
            .andReturn();
    String page = enabled.getResponse().getContentAsString();
    Matcher codes = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(page);
    assertThat(codes.results().count()).isEqualTo(10);
    String recovery =
        Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")
            .matcher(page)
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    assertThat(mvc.perform(get("/console").session(session)).andReturn().getResponse().getStatus())
        .isEqualTo(200);

    clock.advance(Duration.ofSeconds(60));
    MockHttpSession next = login(admin, "/login/second-factor");
    assertThat(
            mvc.perform(get("/console").session(next)).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/login/second-factor");
    assertThat(
            mvc.perform(
                    post("/login/second-factor").session(next).with(csrf()).param("code", "123456"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("验证码不正确");
    assertThat(
            mvc.perform(
                    post("/login/second-factor")
                        .session(next)
                        .with(csrf())
                        .param("code", now(secret)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/console");
    assertThat(mvc.perform(get("/console").session(next)).andReturn().getResponse().getStatus())
        .isEqualTo(200);

    MockHttpSession lostPhone = login(admin, "/login/second-factor");
    assertThat(
            mvc.perform(
                    post("/login/second-factor")
                        .session(lostPhone)
                        .with(csrf())
                        .param("code", recovery))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/console");
    MockHttpSession again = login(admin, "/login/second-factor");
    assertThat(
            mvc.perform(
                    post("/login/second-factor")
                        .session(again)
                        .with(csrf())
                        .param("code", recovery))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("a recovery code works once")
        .contains("验证码不正确");

    // Three wrong tries so far lock the account for a while (tests allow three); the lock passes.
    clock.advance(Duration.ofMinutes(16));
    assertThat(api().get("/api/v1/admin/documents", admin, PASSWORD).status()).isEqualTo(401);
    // One code for both calls: the clock runs, and a second computed later may be the next one.
    String code = now(secret);
    assertThat(api().with("X-OTP", code).get("/api/v1/admin/documents", admin, PASSWORD).status())
        .isEqualTo(200);
    assertThat(api().with("X-OTP", code).get("/api/v1/admin/documents", admin, PASSWORD).status())
        .as("the same code does not open a second call")
        .isEqualTo(401);
  }

  @Test
  void staffOutsideTheRequiredRolesLogInWithTheirPasswordAndMaySetItUp() throws Exception {
    Fixture f = newAgency();
    login(f.editor().username(), "/console");
    assertThat(api().get("/api/v1/admin/documents", f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void anAdministratorResetsALostAuthenticator() throws Exception {
    Fixture f = newAgency();
    SecondFactors factors = context.getBean(SecondFactors.class);
    String secret = factors.newSecret();
    assertThat(factors.enable(f.reviewer(), secret, now(secret))).hasSize(10);
    login(f.reviewer().username(), "/login/second-factor");
    factors.reset(f.reviewer(), admin());
    login(f.reviewer().username(), "/console");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'account.second-factor.reset' AND subject_id = ?")
                .param(String.valueOf(f.reviewer().id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private String now(String secret) {
    return Totp.codeAt(secret, Instant.now(clock).getEpochSecond() / Totp.STEP_SECONDS);
  }

  private MockHttpSession login(String username, String expectedRedirect) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(expectedRedirect);
    return (MockHttpSession) result.getRequest().getSession();
  }
}
