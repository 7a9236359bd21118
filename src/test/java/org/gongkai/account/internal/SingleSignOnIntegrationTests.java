package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.gongkai.audit.AuditTrail;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
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

  @Test
  void anIdentityMapsToTheEnabledAccountOfTheSameNameAndNoOtherGetsIn() {
    Fixture f = newAgency();
    StaffOidcUserService service =
        new StaffOidcUserService(
            request -> new DefaultOidcUser(List.of(), request.getIdToken()),
            accountStore,
            audit,
            transactions,
            "preferred_username");
    var principal = (StaffOidcPrincipal) service.loadUser(request(f.editor().username()));
    assertThat(principal.staff().id()).isEqualTo(f.editor().id());
    assertThat(principal.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_EDITOR");

    assertThatThrownBy(() -> service.loadUser(request("nobody-here")))
        .isInstanceOf(OAuth2AuthenticationException.class);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'account.sso-refused' AND actor = 'nobody-here'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private OidcUserRequest request(String username) {
    Instant now = Instant.now();
    OidcIdToken token =
        OidcIdToken.withTokenValue("id-token")
            .subject("subject-" + username)
            .claim("preferred_username", username)
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
