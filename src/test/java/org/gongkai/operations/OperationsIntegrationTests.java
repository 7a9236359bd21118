package org.gongkai.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;

/**
 * What the operators' tools read: the probes for anyone, the platform's meters for the platform
 * admin.
 */
class OperationsIntegrationTests extends PlatformIntegrationTests {

  @Test
  void probesAnswerAnyone() {
    for (String probe :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      Api.Response r = api().get(probe);
      assertThat(r.status()).as(probe).isEqualTo(200);
      assertThat(r.body()).as(probe).contains("\"UP\"");
    }
  }

  @Test
  void metricsAreForThePlatformAdminAndCarryThePlatformsOwnMeters() {
    Fixture f = newAgency();
    assertThat(
            api()
                .post(
                    "/api/v1/foi/requests",
                    api().answered(PublicSubmissions.request(f.agency().code(), "metrics")),
                    null,
                    null)
                .status())
        .isEqualTo(201);
    api().get("/api/v1/search?q=%E9%80%9A%E7%9F%A5");

    assertThat(api().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(api().get("/actuator/prometheus", f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(403);
    Api.Response metrics = api().get("/actuator/prometheus", "admin", ADMIN_PASSWORD);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "gongkai_intake_submissions_total{",
            "kind=\"request\"",
            "gongkai_foi_requests_overdue",
            "gongkai_search_index_lag",
            "gongkai_search_latency_seconds_bucket",
            "gongkai_db_durable_forces_total",
            "http_server_requests_seconds");
  }
}
