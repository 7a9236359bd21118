package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An offer accepted on node A is listed by node B on the accepting site, whose pages node B has
 * cached; withdrawn at its source on node A, it disappears from node B's pages of that site.
 */
class OffersOnTwoNodesPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  @Test
  void anAcceptedOfferAndItsWithdrawalReachTheSecondNode() throws Exception {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "offer-city-" + suffix + ".localhost";
    long portal = newSite("双节点报送门户" + suffix, portalHost, city, "PORTAL", "3399000601");
    newSite(
        "双节点报送部门" + suffix,
        "offer-dept-" + suffix + ".localhost",
        department,
        "DEPARTMENT",
        "3399000602");
    Column news = agencies.addColumn(city.agency().id(), null, "部门动态", ColumnType.GENERAL, "test");
    String title = "双节点报送的动态" + suffix;
    long id = publish(department, title);
    String column = "/agencies/" + city.agency().code() + "?column=" + news.id();

    try (ConfigurableApplicationContext other = secondNode()) {
      int portB = SecondNode.port(other);
      assertThat(HostRequests.get(portB, column, portalHost))
          .startsWith("HTTP/1.1 200")
          .doesNotContain(title);

      int offer =
          api()
              .post(
                  "/api/v1/admin/offers",
                  "{\"document\":" + id + ",\"site\":" + portal + ",\"column\":" + news.id() + "}",
                  department.editor().username(),
                  PASSWORD)
              .json("$.id");
      Api.Response accepted =
          api()
              .post(
                  "/api/v1/admin/offers/" + offer + "/accept",
                  null,
                  city.editor().username(),
                  PASSWORD);
      assertThat(accepted.status()).isEqualTo(200);
      await("node B lists the accepted item")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> HostRequests.get(portB, column, portalHost).contains(title));

      editorial.withdraw(id, "内容有误", department.reviewer());
      await("node B no longer lists it")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  !HostRequests.get(portB, column, portalHost).contains(title)
                      && HostRequests.get(portB, "/documents/" + id, portalHost)
                          .startsWith("HTTP/1.1 410"));
    }
  }
}
