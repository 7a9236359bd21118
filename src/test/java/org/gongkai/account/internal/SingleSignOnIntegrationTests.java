package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Role;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.web.Refusal;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province's unified identity service as an OpenID Connect provider: offered at login, mapped to
 * accounts.
 */
@TestPropertySource(
    properties = {
      "spring.security.oauth2.client.registration.province.client-id=gongkai",
      "spring.security.oauth2.client.registration.province.client-secret=secret",
      "spring.security.oauth2.client.registration.province.client-name=省统一身份认证",
      "spring.security.oauth2.client.registration.province.scope=openid,profile",
      "spring.security.oauth2.client.registration.province.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.province.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.province.authorization-uri=https://idp.example.gov.cn/authorize",
      "spring.security.oauth2.client.provider.province.token-uri=https://idp.example.gov.cn/token",
      "spring.security.oauth2.client.provider.province.jwk-set-uri=https://idp.example.gov.cn/jwks",
      "spring.security.oauth2.client.provider.province.user-name-attribute=sub"
    })
class SingleSignOnIntegrationTests extends PlatformIntegrationTests {

  @Autowired ClientRegistrationRepository registrations;

  @Autowired JdbcAccounts accountStore;

  @Autowired AuditTrail audit;

  @Autowired TransactionTemplate transactions;

  @Test
  void theLoginPageOffersTheIdentityServiceAndSendsThereWithTheRightParameters() throws Exception {
    assertThat(api().get("/login").body())
        .contains("通过省统一身份认证登录", "/oauth2/authorization/province");
    var redirect =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/authorization/province"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location").orElseThrow())
        .startsWith("https://idp.example.gov.cn/authorize?")
        .contains(
            "client_id=gongkai",
            "response_type=code",
            "scope=openid%20profile",
            "state=",
            "nonce=",
            "redirect_uri=http://localhost:" + port + "/login/oauth2/code/province");
  }

  @Autowired SingleSignOnLinks links;

  @Autowired SessionValidity sessionValidity;

  @Autowired PersonalDataCipher cipher;

  private static final String ISSUER = "https://idp.example.gov.cn/realms/gov";

  private StaffOidcUserService service(String linkClaim) {
    return new StaffOidcUserService(
        request -> new DefaultOidcUser(List.of(), request.getIdToken()),
        accountStore,
        links,
        audit,
        transactions,
        linkClaim);
  }

  @Test
  void aProviderUserWhoRenamesThemselvesAdminIsNotTheAdmin() {
    String subject = "attacker-" + System.nanoTime();
    assertThatThrownBy(
            () -> service(null).loadUser(request(subject, Map.of("preferred_username", "admin"))))
        .isInstanceOf(OAuth2AuthenticationException.class);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'account.sso-refused' AND actor = ?"
                        + " AND detail LIKE ?")
                .params(subject, "%" + ISSUER + " " + subject)
                .query(Long.class)
                .single())
        .as("the refusal names issuer and subject, for an administrator to link")
        .isEqualTo(1);
  }

  @Test
  void anIdentityLinkedByAnAdministratorIsThatAccountWhateverNameItCarries() {
    Fixture f = newAgency();
    String subject = "s-" + System.nanoTime();
    transactions.executeWithoutResult(tx -> links.link(f.editor(), ISSUER, subject, "admin"));

    var principal =
        (StaffOidcPrincipal)
            service(null).loadUser(request(subject, Map.of("preferred_username", "admin")));
    assertThat(principal.staff().id()).isEqualTo(f.editor().id());
    assertThat(principal.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_EDITOR");

    // The same subject from another issuer is another identity.
    assertThatThrownBy(
            () -> service(null).loadUser(request("https://evil.example.com", subject, Map.of())))
        .isInstanceOf(OAuth2AuthenticationException.class);
    // A second identity of the same provider cannot be linked to the account.
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> links.link(f.editor(), ISSUER, "other-" + subject, "admin")))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void aVerifiedClaimTheOperatorNamedLinksOnceAndThenOnlyTheSubjectCounts() {
    Fixture f = newAgency();
    String email = f.editor().username() + "@example.gov.cn";
    jdbc.sql("UPDATE account SET email = ? WHERE id = ?").params(email, f.editor().id()).update();
    StaffOidcUserService byEmail = service("email");
    String first = "first-" + System.nanoTime();

    assertThatThrownBy(
            () -> byEmail.loadUser(request(first, Map.of("email", email, "email_verified", false))))
        .as("an address the provider has not verified links nothing")
        .isInstanceOf(OAuth2AuthenticationException.class);

    var principal =
        (StaffOidcPrincipal)
            byEmail.loadUser(request(first, Map.of("email", email, "email_verified", true)));
    assertThat(principal.staff().id()).isEqualTo(f.editor().id());
    assertThat(links.accountOf(ISSUER, first)).contains(f.editor().id());

    assertThatThrownBy(
            () ->
                byEmail.loadUser(
                    request("second-" + first, Map.of("email", email, "email_verified", true))))
        .as("another subject that takes the same address later gets nothing")
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  @Test
  void administratorsGiveTheSecondFactorAfterSingleSignOnUnlessTheProviderAssertedOne()
      throws Exception {
    Fixture f = newAgency();
    String subject = "adm-" + System.nanoTime();
    transactions.executeWithoutResult(tx -> links.link(f.agencyAdmin(), ISSUER, subject, "admin"));
    SecondFactors required =
        new SecondFactors(
            jdbc,
            cipher,
            audit,
            transactions,
            clock,
            new SecondFactorProperties(Set.of(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN), false));
    ConsoleSessions sessions =
        new ConsoleSessions(
            sessionValidity,
            audit,
            transactions,
            required,
            new SingleSignOnSettings(null, List.of(), null, false));

    assertThat(landingAfterLogin(sessions, subject, Map.of("amr", List.of("pwd"))))
        .isEqualTo(SecondFactorGate.SETUP_PAGE);
    assertThat(landingAfterLogin(sessions, subject, Map.of("amr", List.of("pwd", "otp"))))
        .isEqualTo("/console");

    ConsoleSessions always =
        new ConsoleSessions(
            sessionValidity,
            audit,
            transactions,
            required,
            new SingleSignOnSettings(null, List.of(), null, true));
    assertThat(landingAfterLogin(always, subject, Map.of("amr", List.of("mfa"))))
        .isEqualTo(SecondFactorGate.SETUP_PAGE);
  }

  private String landingAfterLogin(
      ConsoleSessions sessions, String subject, Map<String, Object> claims) throws Exception {
    OidcUser principal = service(null).loadUser(request(subject, claims));
    var request = new MockHttpServletRequest("GET", "/login/oauth2/code/province");
    var response = new MockHttpServletResponse();
    sessions.onAuthenticationSuccess(
        request,
        response,
        new OAuth2AuthenticationToken(principal, principal.getAuthorities(), "province"));
    return response.getRedirectedUrl();
  }

  private OidcUserRequest request(String subject, Map<String, Object> claims) {
    return request(ISSUER, subject, claims);
  }

  private OidcUserRequest request(String issuer, String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    OidcIdToken token =
        OidcIdToken.withTokenValue("id-token")
            .issuer(issuer)
            .subject(subject)
            .claims(c -> c.putAll(claims))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300))
            .build();
    return new OidcUserRequest(
        registrations.findByRegistrationId("province"),
        new OAuth2AccessToken(
            OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(300)),
        token);
  }
}
