package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Forwarded headers from an address that is not a configured proxy change nothing. */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")
class UntrustedProxyIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aVisitorCannotChooseTheAddressTheThrottleAndTheAuditTrailSee() {
    Fixture f = newAgency();
    String name = f.editor().username();
    for (int i = 0; i < 3; i++) {
      assertThat(
              api()
                  .forwardedFor("203.0.113." + i, "https")
                  .get("/api/v1/admin/documents", name, "wrong")
                  .status())
          .isEqualTo(401);
    }
    assertThat(
            api()
                .forwardedFor("203.0.113.9", "https")
                .get("/api/v1/admin/documents", name, PASSWORD)
                .status())
        .as("a made-up X-Forwarded-For does not escape the lock")
        .isEqualTo(401);
    assertThat(
            jdbc.sql(
                    "SELECT DISTINCT address FROM audit_record WHERE actor = ? AND action = 'account.login-failed'")
                .param(name)
                .query(String.class)
                .list())
        .singleElement()
        .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(api().forwardedFor("203.0.113.9", "https").get("/login").headers().get("Set-Cookie"))
        .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
  }
}
