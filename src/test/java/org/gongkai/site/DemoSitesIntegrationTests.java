package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.screening.Finding;
import org.gongkai.screening.PersonalDataScanner;
import org.gongkai.support.DemoPlatformTests;
import org.gongkai.support.HostRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo city's four websites, each on its own name under localhost, as the README tells a
 * visitor to open them.
 */
class DemoSitesIntegrationTests extends DemoPlatformTests {

  @Autowired PersonalDataScanner scanner;

  @Test
  void theDemoCityHasAPortalADisclosurePlatformAndTwoDepartmentSites() {
    assertThat(get("/", "www.linjiang.localhost"))
        .contains("<meta name=\"SiteName\" content=\"临江市人民政府\">", "临公网安备");
    assertThat(get("/", "xxgk.linjiang.localhost"))
        .contains("<meta name=\"SiteName\" content=\"临江市政府信息公开平台\">");
    String commerce = get("/", "swj.linjiang.localhost");
    assertThat(commerce).contains("<meta name=\"SiteName\" content=\"临江市商务局\">");
    assertThat(get("/", "jyj.linjiang.localhost"))
        .contains("<meta name=\"SiteName\" content=\"临江市教育局\">");

    Matcher link = Pattern.compile("href=\"/documents/(\\d+)\"").matcher(commerce);
    assertThat(link.find()).as("the commerce bureau's home page lists its documents").isTrue();
    String document = "/documents/" + link.group(1);
    String canonical =
        "<link rel=\"canonical\" href=\"http://swj.linjiang.localhost:" + port + document + "\">";
    assertThat(get(document, "swj.linjiang.localhost")).contains(canonical);
    assertThat(get(document, "xxgk.linjiang.localhost")).contains(canonical);
    assertThat(get(document, "www.linjiang.localhost")).contains(canonical);
    assertThat(get(document, "jyj.linjiang.localhost")).startsWith("HTTP/1.1 404");
  }

  @Test
  void theCityPortalShowsVisitsFromTheFirstDayOfLastYear() {
    long portal = jdbc.sql("SELECT id FROM site WHERE fallback").query(Long.class).single();
    LocalDate yesterday = clock.today().minusDays(1);
    LocalDate first = LocalDate.of(yesterday.getYear() - 1, 1, 1);
    long days = yesterday.toEpochDay() - first.toEpochDay() + 1;
    // Written in the background after the start.
    await("the demo's visits")
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                jdbc.sql("SELECT COUNT(*) FROM visit_day WHERE site_id = :s")
                        .param("s", portal)
                        .query(Long.class)
                        .single()
                    == days);
    Map<String, Object> lastYear =
        jdbc.sql(
                "SELECT SUM(views) AS views, MIN(views) AS least, MAX(views) AS most,"
                    + " SUM(CASE WHEN visitors < views THEN 1 ELSE 0 END) AS fewer"
                    + " FROM visit_day WHERE site_id = :s AND on_day BETWEEN :from AND :to")
            .param("s", portal)
            .param("from", first)
            .param("to", first.withDayOfYear(first.lengthOfYear()))
            .query()
            .singleRow();
    assertThat(((Number) lastYear.get("views")).longValue()).isBetween(150_000L, 600_000L);
    assertThat(((Number) lastYear.get("least")).longValue()).isPositive();
    assertThat(((Number) lastYear.get("most")).longValue())
        .isGreaterThan(((Number) lastYear.get("least")).longValue() * 3);
    assertThat(((Number) lastYear.get("fewer")).longValue())
        .as("fewer visitors than views on every day")
        .isEqualTo(first.lengthOfYear());
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(DISTINCT page) FROM visit_page_day WHERE site_id = :s"
                        + " AND page LIKE '/documents/%'")
                .param("s", portal)
                .query(Long.class)
                .single())
        .isGreaterThan(10);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM search_miss_day WHERE site_id = :s")
                .param("s", portal)
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theScannerFindsNoPersonalDataInTheDemosPublishedDocuments() {
    List<String> bodies =
        jdbc.sql("SELECT title || ' ' || body_html FROM edition WHERE state = 'PUBLISHED'")
            .query(String.class)
            .list();
    assertThat(bodies).hasSizeGreaterThan(300);
    List<Finding> found =
        bodies.stream()
            .flatMap(text -> scanner.scanText("body", text, List.of()).stream())
            .filter(Finding::blocking)
            .toList();
    // The demo's bodies carry office telephone lines, document numbers, dates and amounts.
    assertThat(found).as("false positives on the demo").isEmpty();
  }

  @Test
  void eachDemoSiteHasItsOwnThemeMenuAndHomePage() {
    String portal = get("/", "www.linjiang.localhost");
    String platform = get("/", "xxgk.linjiang.localhost");
    String commerce = get("/", "swj.linjiang.localhost");
    String education = get("/", "jyj.linjiang.localhost");
    assertThat(portal)
        .contains("class=\"theme-classic\"", ">考核结果</a>", "便民服务", "class=\"mark-link\"");
    assertThat(platform)
        .contains("class=\"theme-azure\"", ">公开指南</a>", "最新公开信息", "公开主体")
        .doesNotContain("便民服务");
    assertThat(commerce)
        .contains("class=\"theme-jade\"", "本局动态", "办事服务", "?column=")
        .doesNotContain("便民服务", "最新公开信息");
    assertThat(education).contains("class=\"theme-ink\"", "本局动态").doesNotContain("theme-jade");
  }

  @Test
  void theCommerceBureausNewsOfferedUpwardIsListedInThePortalsDepartmentNews() {
    java.util.List<java.util.Map<String, Object>> accepted =
        jdbc.sql(
                "SELECT o.document_id, o.column_id, a.code FROM site_offer o"
                    + " JOIN disclosure_column c ON c.id = o.column_id"
                    + " JOIN agency a ON a.id = c.agency_id WHERE o.state = 'ACCEPTED'")
            .query()
            .listOfRows();
    assertThat(accepted).as("two of the bureau's news items accepted").hasSize(2);
    String column =
        get(
            "/agencies/"
                + accepted.get(0).get("code")
                + "?column="
                + accepted.get(0).get("column_id"),
            "www.linjiang.localhost");
    assertThat(column).contains("部门动态");
    for (java.util.Map<String, Object> row : accepted) {
      assertThat(column).contains("href=\"/documents/" + row.get("document_id") + "\"");
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM site_offer WHERE state = 'OFFERED'")
                .query(Long.class)
                .single())
        .as("a third waits for the portal's editors")
        .isEqualTo(1);
  }

  @Test
  void theCommerceBureauHoldsAYearOfLicensingAndPenaltyDecisions() {
    long commerce =
        jdbc.sql("SELECT id FROM agency WHERE name = '临江市商务局'").query(Long.class).single();
    java.util.function.Function<String, Long> count =
        where ->
            jdbc.sql("SELECT COUNT(*) FROM decision WHERE agency_id = ? AND " + where)
                .param(commerce)
                .query(Long.class)
                .single();
    assertThat(count.apply("kind = 'LICENSING' AND state = 'PUBLISHED'")).isPositive();
    assertThat(count.apply("kind = 'PENALTY' AND state = 'PUBLISHED'")).isPositive();
    assertThat(count.apply("state = 'PUBLISHED'")).isGreaterThan(100);
    assertThat(count.apply("published_late")).as("a few published late").isPositive();
    assertThat(count.apply("party_category = 'NATURAL_PERSON'")).isPositive();
    assertThat(count.apply("state IN ('DRAFT', 'SUBMITTED')")).as("this week's").isPositive();
    assertThat(count.apply("fee_wan > 0")).as("licences that carried a fee").isPositive();
    java.time.LocalDate first =
        jdbc.sql("SELECT MIN(decided_on) FROM decision WHERE agency_id = ?")
            .param(commerce)
            .query(java.time.LocalDate.class)
            .single();
    java.time.LocalDate last =
        jdbc.sql("SELECT MAX(decided_on) FROM decision WHERE agency_id = ?")
            .param(commerce)
            .query(java.time.LocalDate.class)
            .single();
    assertThat(java.time.temporal.ChronoUnit.DAYS.between(first, last))
        .as("a year of decisions")
        .isGreaterThan(330);
    assertThat(get("/decisions?kind=PENALTY", "swj.linjiang.localhost"))
        .contains("临商罚〔", "/decisions/feed.atom");
    assertThat(get("/decisions?kind=LICENSING", "swj.linjiang.localhost")).contains("临商许〔");
    assertThat(get("/", "swj.linjiang.localhost")).contains("href=\"/decisions\"", ">双公示</a>");
  }

  private String get(String path, String host) {
    return HostRequests.get(port, path, host);
  }
}
