package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.gongkai.monitor.Monitor;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each website's own figures in the console: the monitor's latest runs and findings of the agencies
 * a site shows, with the site's result, and the dashboard over the same agencies.
 */
abstract class SiteFiguresIntegrationTests extends PlatformIntegrationTests {

  @Autowired Monitor monitor;

  @Test
  void theMonitorAndTheDashboardShowOneSitesAgencies() throws Exception {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    Fixture other = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    long portal = newSite("数据门户" + suffix, "figures-city-" + suffix + ".localhost", city, "PORTAL");
    long departmentSite =
        newSite("数据部门" + suffix, "figures-dept-" + suffix + ".localhost", department, "DEPARTMENT");
    newSite("其他数据站" + suffix, "figures-other-" + suffix + ".localhost", other, "DEPARTMENT");
    publish(department, "数据部门的通知" + suffix);
    for (Fixture f : List.of(city, department, other)) {
      monitor.check(f.agency().id());
    }

    MockMvc mvc = consoleMvc();
    MockHttpSession cityAdmin = consoleSession(mvc, city.agencyAdmin().username());
    String onDepartment = page(mvc, "/console/monitor?site=" + departmentSite, cityAdmin);
    assertThat(onDepartment)
        .contains("id=\"site-figures\"", "数据部门" + suffix + "的监测结果")
        .contains(department.agency().name())
        .doesNotContain(other.agency().name())
        .doesNotContain(">" + city.agency().name() + "<");
    String onPortal = page(mvc, "/console/monitor?site=" + portal, cityAdmin);
    assertThat(onPortal)
        .contains(
            department.agency().name(), other.agency().name(), ">" + city.agency().name() + "<");
    assertThat(figure(onDepartment, "机构数")).isEqualTo("1");
    assertThat(figure(onPortal, "机构数")).isEqualTo("3");

    String dashboard = page(mvc, "/console/dashboard?site=" + departmentSite, cityAdmin);
    assertThat(dashboard).contains("数据部门" + suffix);
    MockHttpSession otherAdmin = consoleSession(mvc, other.agencyAdmin().username());
    assertThat(
            mvc.perform(get("/console/dashboard?site=" + departmentSite).session(otherAdmin))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("a site of agencies outside one's scope")
        .isEqualTo(403);
  }

  private static String page(MockMvc mvc, String path, MockHttpSession session) throws Exception {
    var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private static String figure(String page, String label) {
    String rest = page.substring(page.indexOf(">" + label + "</dt>"));
    rest = rest.substring(rest.indexOf("<dd>") + 4);
    return rest.substring(0, rest.indexOf("</dd>"));
  }
}
