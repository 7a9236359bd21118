package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;

/**
 * One publication, every site it belongs to: a department's document on the department's site and
 * on the city's portal, with one canonical address on the department's site; each site's sitemap
 * lists its own documents on its own host.
 */
abstract class SiteDocumentsIntegrationTests extends PlatformIntegrationTests {

  private static final Pattern CANONICAL =
      Pattern.compile("<link rel=\"canonical\" href=\"([^\"]+)\">");

  @Test
  void aDepartmentsDocumentIsOnItsSiteAndOnThePortalWithOneCanonicalAddress() {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    Fixture other = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "city-" + suffix + ".localhost";
    String departmentHost = "dept-" + suffix + ".localhost";
    String otherHost = "other-" + suffix + ".localhost";
    newSite("城市门户" + suffix, portalHost, city, "PORTAL", "3399000301");
    newSite("部门网站" + suffix, departmentHost, department, "DEPARTMENT", "3399000302");
    newSite("另一部门" + suffix, otherHost, other, "DEPARTMENT", "3399000303");
    String title = "部门发布的通知" + suffix;
    long id = publish(department, title);
    String otherTitle = "另一部门的通知" + suffix;
    long otherId = publish(other, otherTitle);
    String canonical = "http://" + departmentHost + ":" + port + "/documents/" + id;

    String onDepartment = get("/documents/" + id, departmentHost);
    assertThat(onDepartment).startsWith("HTTP/1.1 200").contains(title);
    assertThat(canonicals(onDepartment)).containsExactly(canonical);
    String onPortal = get("/documents/" + id, portalHost);
    assertThat(onPortal).startsWith("HTTP/1.1 200").contains(title, "城市门户" + suffix);
    assertThat(canonicals(onPortal))
        .as("the portal's copy names the department's site")
        .containsExactly(canonical);
    assertThat(get("/documents/" + id, otherHost))
        .as("not on a site that does not show the agency")
        .startsWith("HTTP/1.1 404");
    assertThat(get("/agencies/" + department.agency().code(), otherHost))
        .startsWith("HTTP/1.1 404");

    assertThat(get("/", departmentHost)).contains(title).doesNotContain(otherTitle);
    assertThat(get("/", portalHost)).contains(title, otherTitle);
    assertThat(get("/", otherHost)).contains(otherTitle).doesNotContain(title);

    String block = "/sitemaps/documents-" + (id / 50_000) + ".xml";
    assertThat(get(block, departmentHost))
        .contains("<loc>" + canonical + "</loc>")
        .doesNotContain("/documents/" + otherId + "<")
        .doesNotContain(portalHost);
    assertThat(get(block, portalHost))
        .as("the portal lists what is canonical on it, not the departments' documents")
        .doesNotContain("/documents/" + id + "<")
        .doesNotContain("/documents/" + otherId + "<");
    assertThat(get("/sitemaps/pages.xml", departmentHost))
        .contains(
            "http://" + departmentHost + ":" + port + "/agencies/" + department.agency().code())
        .doesNotContain(other.agency().code())
        .doesNotContain(portalHost);
    assertThat(get("/sitemap.xml", otherHost))
        .contains("http://" + otherHost + ":" + port + "/sitemaps/pages.xml")
        .doesNotContain(departmentHost);
    assertThat(get("/robots.txt", otherHost))
        .contains("Sitemap: http://" + otherHost + ":" + port + "/sitemap.xml");

    editorial.withdraw(id, "内容有误", department.reviewer());
    assertThat(get("/documents/" + id, departmentHost)).startsWith("HTTP/1.1 410");
    assertThat(get("/documents/" + id, portalHost))
        .as("a withdrawal answers 410 on every site at once")
        .startsWith("HTTP/1.1 410");
  }

  private static java.util.List<String> canonicals(String page) {
    java.util.List<String> found = new java.util.ArrayList<>();
    Matcher m = CANONICAL.matcher(page);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private String get(String path, String host) {
    return HostRequests.get(port, path, host);
  }
}
