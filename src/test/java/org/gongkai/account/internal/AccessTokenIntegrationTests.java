package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * Personal access tokens: made by a logged-in member of staff for themselves, shown once and kept
 * as a hash, limited to scopes and an agency within the owner's, 401 once revoked or expired, 403
 * outside their scopes, and every use audited.
 */
class AccessTokenIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aTokenReachesItsScopesOnlyUntilItIsRevoked() {
    Fixture f = newAgency();
    String owner = f.reviewer().username();
    Api.Response made =
        api()
            .post(
                "/api/v1/admin/tokens",
                "{\"name\":\"省级平台同步\",\"scopes\":[\"documents:read\"],\"expiresOn\":\""
                    + today().plusDays(30)
                    + "\"}",
                owner,
                PASSWORD);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String token = made.json("$.token");
    long id = ((Number) made.json("$.id")).longValue();
    assertThat(token).startsWith("gkp_");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM access_token WHERE token_hash = ? AND id = ?")
                .params(AccessTokens.hash(token), id)
                .query(Long.class)
                .single())
        .as("kept as a hash")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM access_token WHERE token_hash = ?")
                .param(token)
                .query(Long.class)
                .single())
        .isZero();

    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/documents", token)).isEqualTo(200);
    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/foi/requests", token))
        .as("outside its scopes")
        .isEqualTo(403);
    assertThat(bearer(HttpMethod.POST, "/api/v1/admin/documents", token))
        .as("read is not write")
        .isEqualTo(403);
    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/tokens", token))
        .as("no token reaches the tokens")
        .isEqualTo(403);
    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/documents", token + "x")).isEqualTo(401);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'token.used' AND subject_id = ?"
                        + " AND detail = 'GET /api/v1/admin/documents'")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .as("every use audited")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT last_used_at FROM access_token WHERE id = ?")
                .param(id)
                .query(Object.class)
                .single())
        .isNotNull();

    assertThat(api().delete("/api/v1/admin/tokens/" + id, owner, PASSWORD).status()).isEqualTo(204);
    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/documents", token))
        .as("revoked")
        .isEqualTo(401);
  }

  @Test
  void anExpiredTokenAnswers401() {
    Fixture f = newAgency();
    Api.Response made =
        api()
            .post(
                "/api/v1/admin/tokens",
                "{\"name\":\"短期\",\"scopes\":[\"foi:write\"],\"expiresOn\":\""
                    + today().plusDays(1)
                    + "\"}",
                f.editor().username(),
                PASSWORD);
    String token = made.json("$.token");
    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/foi/requests", token)).isEqualTo(200);
    clock.advance(Duration.ofDays(3));
    assertThat(bearer(HttpMethod.GET, "/api/v1/admin/foi/requests", token)).isEqualTo(401);
  }

  @Test
  void aTokensAgencyIsNoWiderThanItsOwners() {
    Fixture mine = newAgency();
    Fixture other = newAgency();
    Api.Response refused =
        api()
            .post(
                "/api/v1/admin/tokens",
                "{\"name\":\"越权\",\"scopes\":[\"documents:read\"],\"expiresOn\":\""
                    + today().plusDays(10)
                    + "\",\"agency\":\""
                    + other.agency().code()
                    + "\"}",
                mine.agencyAdmin().username(),
                PASSWORD);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("agency");
    Api.Response unknownScope =
        api()
            .post(
                "/api/v1/admin/tokens",
                "{\"name\":\"x\",\"scopes\":[\"accounts:write\"],\"expiresOn\":\""
                    + today().plusDays(10)
                    + "\"}",
                mine.agencyAdmin().username(),
                PASSWORD);
    assertThat(unknownScope.status()).isEqualTo(400);
  }

  private int bearer(HttpMethod method, String path, String token) {
    return RestClient.builder()
        .defaultStatusHandler(s -> true, (req, res) -> {})
        .build()
        .method(method)
        .uri("http://localhost:" + port + path)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .body(method == HttpMethod.GET ? "" : "{}")
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
