package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two sites on one node, told apart by the host name a request names: each page says which site it
 * is, and the page cache keeps each site's pages apart.
 */
abstract class SiteRoutingIntegrationTests extends PlatformIntegrationTests {

  @Autowired MeterRegistry meters;

  record TwoSites(String portalHost, String departmentHost, int departmentId, String json) {}

  private TwoSites twoSites() {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String portal = "portal-" + suffix + ".localhost";
    String department = "dept-" + suffix + ".localhost";
    assertThat(
            api()
                .post(
                    "/api/v1/admin/sites",
                    "{\"name\":\"路由门户"
                        + suffix
                        + "\",\"hosts\":[\""
                        + portal
                        + "\"],\"idCode\":\"3399000201\",\"type\":\"PORTAL\"}",
                    "admin",
                    ADMIN_PASSWORD)
                .status())
        .isEqualTo(201);
    String json =
        "{\"name\":\"路由部门"
            + suffix
            + "\",\"hosts\":[\""
            + department
            + "\"],\"agency\":\""
            + f.agency().code()
            + "\",\"idCode\":\"3399000202\",\"type\":\"DEPARTMENT\","
            + "\"organizer\":\"临江市路由局\",\"icpFiling\":\"皖ICP备05009999号\"}";
    Api.Response created = api().post("/api/v1/admin/sites", json, "admin", ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return new TwoSites(portal, department, created.json("$.id"), json);
  }

  @Test
  void eachHostNameGetsItsOwnSitesPagesAndNeverAnothersFromTheCache() {
    TwoSites sites = twoSites();
    String suffix = sites.portalHost().substring(7, sites.portalHost().indexOf('.'));

    String department = get("/", sites.departmentHost());
    assertThat(department)
        .startsWith("HTTP/1.1 200")
        .contains(
            "<meta name=\"SiteName\" content=\"路由部门" + suffix + "\">",
            "<meta name=\"SiteDomain\" content=\"" + sites.departmentHost() + "\">",
            "<meta name=\"SiteIDCode\" content=\"3399000202\">",
            "<a class=\"brand\" href=\"/\">路由部门" + suffix + "</a>",
            "临江市路由局",
            "皖ICP备05009999号");
    answeredFromCache(sites.departmentHost(), "路由部门" + suffix);
    String kept = etag(get("/", sites.departmentHost()));

    // The cache's counter is the whole application's (other classes' jobs may be served from it
    // meanwhile); the kept page's ETag is the department's page's own.
    String portal = get("/", sites.portalHost());
    assertThat(portal)
        .contains(
            "<meta name=\"SiteName\" content=\"路由门户" + suffix + "\">",
            "<meta name=\"SiteIDCode\" content=\"3399000201\">")
        .doesNotContain("路由部门" + suffix);
    assertThat(etag(portal)).as("not the department's page from the cache").isNotEqualTo(kept);
    assertThat(get("/", sites.departmentHost()))
        .contains("路由部门" + suffix)
        .doesNotContain("路由门户" + suffix);

    assertThat(get("/robots.txt", sites.departmentHost()))
        .contains("Sitemap: http://" + sites.departmentHost() + ":" + port + "/sitemap.xml");
    assertThat(get("/robots.txt", sites.portalHost()))
        .contains("Sitemap: http://" + sites.portalHost() + ":" + port + "/sitemap.xml");
  }

  @Test
  void behindATrustedProxyTheForwardedHostChoosesTheSite() {
    TwoSites sites = twoSites();
    String suffix = sites.portalHost().substring(7, sites.portalHost().indexOf('.'));
    // The tests' client connects from 127.0.0.1, one of the trusted proxies.
    String body = api().with("X-Forwarded-Host", sites.portalHost()).get("/").body();
    assertThat(body).contains("<meta name=\"SiteName\" content=\"路由门户" + suffix + "\">");
  }

  @Test
  void anUnknownHostGetsTheFirstSite() {
    assertThat(get("/", "unknown.example"))
        .startsWith("HTTP/1.1 200")
        .contains("<meta name=\"SiteName\" content=\"临江市人民政府\">");
    assertThat(get("/robots.txt", "unknown.example"))
        .as("a host no site names never gets into a link")
        .contains("Sitemap: https://www.linjiang.gov.cn/sitemap.xml")
        .doesNotContain("unknown.example");
  }

  @Test
  void aRenamedSiteShowsItsNewNameAtOnce() {
    TwoSites sites = twoSites();
    String suffix = sites.portalHost().substring(7, sites.portalHost().indexOf('.'));
    assertThat(get("/", sites.departmentHost())).contains("路由部门" + suffix);
    assertThat(
            api()
                .put(
                    "/api/v1/admin/sites/" + sites.departmentId(),
                    sites.json().replace("路由部门", "改名部门"),
                    "admin",
                    ADMIN_PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(get("/", sites.departmentHost()))
        .contains("<meta name=\"SiteName\" content=\"改名部门" + suffix + "\">")
        .doesNotContain("路由部门" + suffix);
  }

  /**
   * Asks for the host's home page until it comes from the page cache. A change committed just
   * before (the sites just made) can reach the cache's version after the first answer was kept, and
   * the page is then made once more; the next is the cache's.
   */
  private void answeredFromCache(String host, String expected) {
    await("the home page of " + host + " from the page cache")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              double before = served();
              assertThat(get("/", host)).contains(expected);
              return served() == before + 1;
            });
  }

  private static String etag(String response) {
    return response
        .lines()
        .filter(line -> line.regionMatches(true, 0, "ETag:", 0, 5))
        .findFirst()
        .orElseThrow()
        .substring(5)
        .trim();
  }

  private double served() {
    return meters.get("gongkai.page.cache.served").counter().count();
  }

  private String get(String path, String host) {
    return HostRequests.get(port, path, host);
  }
}
