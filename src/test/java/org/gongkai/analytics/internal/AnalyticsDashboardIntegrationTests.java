package org.gongkai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.Map;
import org.gongkai.analytics.VisitHistory;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A site's visits in the console, from counts of past days: by day and month, the most viewed pages
 * and columns under their names, the searches that found nothing; only for the site's staff.
 */
class AnalyticsDashboardIntegrationTests extends PlatformIntegrationTests {

  @Autowired VisitHistory history;

  @Test
  void theSitesStaffSeeItsVisitsByDayWithPagesColumnsAndSearchesWithoutResult() throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = "dashboard-" + suffix + ".localhost";
    long site = newSite("统计看板测试站" + suffix, host, f, "DEPARTMENT");
    long document = publish(f, "看板测试文件" + suffix);
    String columnPage = "/agencies/" + f.agency().code() + "?column=" + f.policies().id();
    LocalDate yesterday = clock.today().minusDays(1);
    LocalDate before = yesterday.minusDays(1);
    history.addDay(
        site,
        before,
        Map.of("/", 40L, "/documents/" + document, 20L, columnPage, 10L),
        30,
        Map.of("没有结果的词", 3L));
    history.addDay(site, yesterday, Map.of("/", 25L, "/documents/" + document, 5L), 12, Map.of());

    Api.Response api =
        api()
            .get(
                "/api/v1/admin/analytics?site=" + site + "&from=" + before + "&to=" + yesterday,
                "admin",
                ADMIN_PASSWORD);
    assertThat(api.status()).isEqualTo(200);
    assertThat(((Number) api.json("$.views")).longValue()).isEqualTo(100);
    assertThat(((Number) api.json("$.visitors")).longValue()).isBetween(40L, 44L);
    assertThat(((Number) api.json("$.days[0].views")).longValue()).isEqualTo(70);
    assertThat(((Number) api.json("$.days[1].visitors")).longValue()).isEqualTo(12);

    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());
    String page =
        mvc.perform(
                get("/console/analytics")
                    .session(session)
                    .param("site", String.valueOf(site))
                    .param("from", before.toString())
                    .param("to", yesterday.toString()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("统计看板测试站" + suffix + "访问统计")
        .contains("浏览量 100，访客数 4")
        .contains("<th scope=\"row\">" + before + "</th><td>70</td><td>30</td>")
        .contains("/documents/" + document + "\">/documents/" + document + "</a>")
        .contains(f.agency().name() + " · " + f.policies().name())
        .contains("没有结果的词")
        .contains("data-kind=\"line\"");
    assertThat(page.indexOf(">/</a></th><td>65<")).isPositive();

    // Staff of another agency neither see the site in the list nor its figures.
    Fixture other = newAgency();
    MockHttpSession stranger = consoleSession(mvc, other.editor().username());
    String list =
        mvc.perform(get("/console/analytics").session(stranger))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain("统计看板测试站" + suffix);
    assertThat(
            mvc.perform(
                    get("/console/analytics").session(stranger).param("site", String.valueOf(site)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }
}
