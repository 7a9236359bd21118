package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.gongkai.support.HostRequests;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sites made on node A are served by node B: each host gets its own site there, a department's
 * document is on the portal with the department's canonical address, a renamed site and a
 * withdrawal reach node B's cached pages.
 */
class SitesOnTwoNodesPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  @Test
  void aSecondNodeServesEachSiteAndFollowsItsChanges() throws Exception {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "city-" + suffix + ".localhost";
    String departmentHost = "dept-" + suffix + ".localhost";
    site("双节点门户" + suffix, portalHost, city, "PORTAL", "3399000401");
    String departmentJson = json("双节点部门" + suffix, departmentHost, department, "DEPARTMENT");
    int departmentSite =
        api().post("/api/v1/admin/sites", departmentJson, "admin", ADMIN_PASSWORD).json("$.id");
    long id = publish(department, "双节点通知" + suffix);

    try (ConfigurableApplicationContext other = SecondNode.start()) {
      int portB = SecondNode.port(other);
      assertThat(HostRequests.get(portB, "/", departmentHost))
          .contains("<meta name=\"SiteName\" content=\"双节点部门" + suffix + "\">");
      assertThat(HostRequests.get(portB, "/", portalHost))
          .contains("<meta name=\"SiteName\" content=\"双节点门户" + suffix + "\">");
      assertThat(HostRequests.get(portB, "/documents/" + id, portalHost))
          .contains(
              "<link rel=\"canonical\" href=\"http://"
                  + departmentHost
                  + ":"
                  + portB
                  + "/documents/"
                  + id
                  + "\">");

      assertThat(
              api()
                  .put(
                      "/api/v1/admin/sites/" + departmentSite,
                      departmentJson.replace("双节点部门", "已改名部门"),
                      "admin",
                      ADMIN_PASSWORD)
                  .status())
          .isEqualTo(200);
      await("node B names the site anew")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> HostRequests.get(portB, "/", departmentHost).contains("已改名部门" + suffix));

      editorial.withdraw(id, "内容有误", department.reviewer());
      await("withdrawn on every site of node B")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  HostRequests.get(portB, "/documents/" + id, portalHost).startsWith("HTTP/1.1 410")
                      && HostRequests.get(portB, "/documents/" + id, departmentHost)
                          .startsWith("HTTP/1.1 410"));
    }
  }

  private void site(String name, String host, Fixture f, String type, String idCode) {
    assertThat(
            api()
                .post(
                    "/api/v1/admin/sites",
                    json(name, host, f, type).replace("3399000402", idCode),
                    "admin",
                    ADMIN_PASSWORD)
                .status())
        .isEqualTo(201);
  }

  private static String json(String name, String host, Fixture f, String type) {
    return "{\"name\":\""
        + name
        + "\",\"hosts\":[\""
        + host
        + "\"],\"agency\":\""
        + f.agency().code()
        + "\",\"idCode\":\"3399000402\",\"type\":\""
        + type
        + "\"}";
  }
}
