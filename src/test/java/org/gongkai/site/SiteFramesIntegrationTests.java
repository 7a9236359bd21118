package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each site's own pages around what is not there: a 404 and a 410 stand in the frame of the site
 * that answers (its name, its navigation, its footer); and staff see, on a document's console page,
 * every site it appears on, the canonical one marked.
 */
abstract class SiteFramesIntegrationTests extends PlatformIntegrationTests {

  @Test
  void notFoundAndGonePagesStandInTheServingSitesFrame() {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    Fixture other = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "frame-city-" + suffix + ".localhost";
    String departmentHost = "frame-dept-" + suffix + ".localhost";
    String otherHost = "frame-other-" + suffix + ".localhost";
    String portalName = "框架门户" + suffix;
    String departmentName = "框架部门" + suffix;
    String otherName = "其他站点" + suffix;
    newSite(portalName, portalHost, city, "PORTAL");
    newSite(departmentName, departmentHost, department, "DEPARTMENT");
    newSite(otherName, otherHost, other, "DEPARTMENT");
    long id = publish(department, "框架测试的通知" + suffix);

    String missing = HostRequests.page(port, "/no-such-page", departmentHost);
    assertThat(missing).startsWith("HTTP/1.1 404");
    assertFramedBy(missing, departmentName, portalName, otherName);
    String notHere = HostRequests.page(port, "/documents/" + id, otherHost);
    assertThat(notHere).as("a document this site does not show").startsWith("HTTP/1.1 404");
    assertFramedBy(notHere, otherName, portalName, departmentName);
    assertFramedBy(
        HostRequests.page(port, "/agencies/NO-SUCH-AGENCY", portalHost),
        portalName,
        departmentName,
        otherName);

    editorial.withdraw(id, "内容有误", department.reviewer());
    String goneOnDepartment = HostRequests.page(port, "/documents/" + id, departmentHost);
    assertThat(goneOnDepartment).startsWith("HTTP/1.1 410");
    assertFramedBy(goneOnDepartment, departmentName, portalName, otherName);
    String goneOnPortal = HostRequests.page(port, "/documents/" + id, portalHost);
    assertThat(goneOnPortal).startsWith("HTTP/1.1 410");
    assertFramedBy(goneOnPortal, portalName, departmentName, otherName);

    assertThat(HostRequests.page(port, "/login/no-such-page", departmentHost))
        .as("outside the public site: no site's frame")
        .doesNotContain("class=\"site-header\"");
  }

  @Test
  void staffSeeEverySiteADocumentIsOnWithTheCanonicalOneMarked() throws Exception {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    Fixture other = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "staff-city-" + suffix + ".localhost";
    String departmentHost = "staff-dept-" + suffix + ".localhost";
    String otherHost = "staff-other-" + suffix + ".localhost";
    newSite("员工门户" + suffix, portalHost, city, "PORTAL");
    newSite("员工部门" + suffix, departmentHost, department, "DEPARTMENT");
    newSite("员工另一部门" + suffix, otherHost, other, "DEPARTMENT");
    long id = publish(department, "站点链接测试" + suffix);

    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, department.editor().username());
    String page =
        mvc.perform(get("/console/documents/" + id).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String sites = page.substring(page.indexOf("id=\"document-sites\""));
    sites = sites.substring(0, sites.indexOf("</ul>"));
    assertThat(sites)
        .contains(
            "href=\"https://" + departmentHost + "/documents/" + id + "\"",
            "href=\"https://" + portalHost + "/documents/" + id + "\"",
            "员工部门" + suffix,
            "员工门户" + suffix)
        .doesNotContain(otherHost);
    assertThat(sites.indexOf(departmentHost))
        .as("its own site first")
        .isLessThan(sites.indexOf(portalHost));
    assertThat(sites.split("class=\"state canonical\"", -1))
        .as("one canonical site, the department's")
        .hasSize(2);
    assertThat(sites.substring(0, sites.indexOf("class=\"state canonical\"")))
        .contains(departmentHost)
        .doesNotContain(portalHost);
  }

  private static void assertFramedBy(String page, String name, String... others) {
    assertThat(page)
        .contains(
            "class=\"site-header\"", "class=\"main-nav\"", "class=\"brand\" href=\"/\">" + name)
        .contains("class=\"site-footer\"");
    for (String other : others) {
      assertThat(page).doesNotContain(other);
    }
  }
}
