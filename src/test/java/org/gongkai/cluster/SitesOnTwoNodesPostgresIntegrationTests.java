package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.SiteLayout.NavKind;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.SiteTheme;
import org.gongkai.site.Sites;
import org.gongkai.support.HostRequests;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sites made on node A are served by node B: each host gets its own site there, a department's
 * document is on the portal with the department's canonical address, a renamed site and a
 * withdrawal reach node B's cached pages, and so does a site's published layout (never its draft).
 */
class SitesOnTwoNodesPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  @Autowired Sites sites;

  @Autowired SiteLayouts layouts;

  @Test
  void aSecondNodeServesEachSiteAndFollowsItsChanges() throws Exception {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "city-" + suffix + ".localhost";
    String departmentHost = "dept-" + suffix + ".localhost";
    newSite("双节点门户" + suffix, portalHost, city, "PORTAL", "3399000401");
    String departmentJson = json("双节点部门" + suffix, departmentHost, department, "DEPARTMENT");
    int departmentSite =
        api().post("/api/v1/admin/sites", departmentJson, "admin", ADMIN_PASSWORD).json("$.id");
    long id = publish(department, "双节点通知" + suffix);

    try (ConfigurableApplicationContext other = secondNode()) {
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

      Site site = sites.find(departmentSite).orElseThrow();
      SiteLayout draft = layouts.draft(site, admin());
      layouts.saveDraft(
          site,
          draft
              .withLook(SiteTheme.JADE, "双节点页脚" + suffix, "")
              .withNavigation(
                  List.of(new NavItem("双节点菜单" + suffix, NavKind.LINK, "https://example.cn/"))),
          admin(),
          "site.layout.look");
      assertThat(HostRequests.get(portB, "/", departmentHost))
          .as("a draft is not on any node")
          .doesNotContain("双节点菜单" + suffix);
      layouts.publish(site, admin());
      await("node B shows the published layout")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                String home = HostRequests.get(portB, "/", departmentHost);
                return home.contains("class=\"theme-jade\"")
                    && home.contains("双节点菜单" + suffix)
                    && home.contains("双节点页脚" + suffix);
              });
      assertThat(HostRequests.get(portB, "/", portalHost)).doesNotContain("双节点菜单" + suffix);

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

  private static String json(String name, String host, Fixture f, String type) {
    return siteJson(name, host, f, type, "3399000402");
  }
}
