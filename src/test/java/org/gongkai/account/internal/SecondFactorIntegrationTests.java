package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.account.AccountForm;
import org.gongkai.shared.web.Refusal;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
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
    properties = {
      "gongkai.security.second-factor.required-roles=AGENCY_ADMIN,PLATFORM_ADMIN",
      "gongkai.security.second-factor.personal-data=true"
    })
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
    Matcher codes = Pattern.compile("<code>(" + RECOVERY_CODE + ")</code>").matcher(page);
    assertThat(codes.results().count()).isEqualTo(10);
    String recovery =
        Pattern.compile("<code>(" + RECOVERY_CODE + ")</code>")
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

  private static final String RECOVERY_CODE = "[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}";

  @Test
  void replacingAnAuthenticatorTakesTheCurrentOnesCode() throws Exception {
    Fixture f = newAgency();
    SecondFactors factors = context.getBean(SecondFactors.class);
    String old = factors.newSecret();
    assertThat(factors.enable(f.editor(), old, now(old))).hasSize(10);
    clock.advance(Duration.ofSeconds(30));
    MockHttpSession session = login(f.editor().username(), "/login/second-factor");
    mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", now(old)));
    clock.advance(Duration.ofSeconds(30));

    String setup =
        mvc.perform(get("/console/second-factor").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(setup).contains("name=\"current\"");
    Matcher key = Pattern.compile("id=\"totp-key\">([A-Z2-7 ]+)<").matcher(setup);
    assertThat(key.find()).isTrue();
    String fresh = key.group(1).replace(" ", "");
    assertThat(
            mvc.perform(
                    post("/console/second-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", now(fresh)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("a session alone does not move the second factor to another phone")
        .contains("现有身份验证器的验证码不正确");
    assertThat(
            mvc.perform(
                    post("/console/second-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", now(fresh))
                        .param("current", now(old)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .containsPattern(RECOVERY_CODE);
  }

  @Test
  void recoveryCodesCarryOverSixtyFourBitsAndAreStoredSalted() throws Exception {
    Fixture f = newAgency();
    SecondFactors factors = context.getBean(SecondFactors.class);
    String secret = factors.newSecret();
    var codes = factors.enable(f.reviewer(), secret, now(secret));
    for (String code : codes) {
      String bare = code.replace("-", "");
      assertThat(bare.length() * Math.log(31) / Math.log(2)).isGreaterThan(64);
      String stored =
          jdbc.sql(
                  "SELECT code_hash FROM account_recovery_code WHERE account_id = ? AND code_hash LIKE ?")
              .params(f.reviewer().id(), "%" + sha256(bare))
              .query(String.class)
              .optional()
              .orElse(null);
      assertThat(stored).as("not the bare SHA-256 of the code").isNull();
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(DISTINCT code_hash) FROM account_recovery_code WHERE account_id = ?")
                .param(f.reviewer().id())
                .query(Long.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void holdersOfThePersonalDataPermissionSetUpASecondFactor() throws Exception {
    Fixture f = newAgency();
    grantPersonalData(f.editor());
    login(f.editor().username(), "/console/second-factor");
  }

  @Test
  void theSessionKeepsWhoLoggedInButNotTheirPasswordHash() throws Exception {
    Fixture f = newAgency();
    MockHttpSession session = login(f.editor().username(), "/console");
    var context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
    var principal = (StaffPrincipal) context.getAuthentication().getPrincipal();
    assertThat(principal.staff().id()).isEqualTo(f.editor().id());
    assertThat(principal.getPassword()).isNull();
  }

  @Test
  void anAgencyAdministratorCannotGrantThemselvesThePersonalDataPermission() {
    Fixture f = newAgency();
    var form = new AccountForm();
    form.setUsername(f.agencyAdmin().username());
    form.setDisplayName(f.agencyAdmin().displayName());
    form.setRole(f.agencyAdmin().role());
    form.setAgencyId(f.agencyAdmin().agencyId());
    form.setEnabled(true);
    form.setPersonalData(true);
    assertThatThrownBy(() -> accounts.update(f.agencyAdmin().id(), form, f.agencyAdmin()))
        .isInstanceOf(Refusal.class);
    assertThat(accounts.find(f.agencyAdmin().id()).orElseThrow().personalData()).isFalse();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
