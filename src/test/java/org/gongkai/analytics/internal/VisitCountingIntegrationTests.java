package org.gongkai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Page views counted on the server: every view, visitors estimated by the day's sketch, bots and
 * the monitor left out, and nothing stored or logged that names or links a visitor.
 */
@ExtendWith(OutputCaptureExtension.class)
class VisitCountingIntegrationTests extends PlatformIntegrationTests {

  @Autowired VisitWriter writer;
  @Autowired DaySalts salts;

  @Test
  void aThousandViewsOfFiftyVisitorsAreCountedWithoutKeepingThem(CapturedOutput output)
      throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = "visits-" + suffix + ".localhost";
    long site = site("访问统计测试站" + suffix, host, f);
    long document = publish(f, "访问统计测试文件" + suffix);
    String columnPage = "/agencies/" + f.agency().code() + "?column=" + f.policies().id();
    List<String> pages = List.of("/", "/documents/" + document, columnPage);
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      addresses.add("10.77." + (i / 10) + "." + (100 + i));
    }
    writer.flush();

    {
      var visitors = new VisitRequests(port, host);
      visitors.views(1000, addresses, pages);
      // Bots and the platform's monitor are no visitors.
      for (int i = 0; i < 40; i++) {
        assertThat(visitors.get("/", "10.78.0." + i, "Mozilla/5.0 (compatible; Googlebot/2.1)"))
            .isEqualTo(200);
        assertThat(visitors.get("/", "10.78.1." + i, "Gongkai-Monitor/1")).isEqualTo(200);
        assertThat(visitors.get("/", "10.78.2." + i, "curl/8.5.0")).isEqualTo(200);
      }
      // Not pages: the open API and the sitemap.
      visitors.get("/robots.txt", addresses.get(0), VisitRequests.BROWSER);
      String missing = URLEncoder.encode("无此结果的词", StandardCharsets.UTF_8);
      assertThat(visitors.get("/search?q=" + missing, addresses.get(1), VisitRequests.BROWSER))
          .isEqualTo(200);
      assertThat(visitors.get("/search?q=13900001111", addresses.get(2), VisitRequests.BROWSER))
          .isEqualTo(200);
    }
    writer.flush();

    Map<String, Object> day =
        jdbc.sql(
                "SELECT SUM(views) AS views, MAX(visitors) AS visitors FROM visit_day WHERE site_id = :s")
            .param("s", site)
            .query()
            .singleRow();
    // The search page is a page view too.
    assertThat(((Number) day.get("views")).longValue()).isEqualTo(1002);
    assertThat(((Number) day.get("visitors")).longValue()).isBetween(45L, 55L);
    assertThat(pageViews(site, "/documents/" + document)).isEqualTo(333);
    assertThat(pageViews(site, columnPage)).isEqualTo(333);
    assertThat(pageViews(site, "/")).isEqualTo(334);
    assertThat(
            jdbc.sql(
                    "SELECT SUM(views) FROM visit_column_day WHERE site_id = :s AND column_id = :c")
                .param("s", site)
                .param("c", f.policies().id())
                .query(Long.class)
                .single())
        .as("the column's own page and its document")
        .isEqualTo(666);
    assertThat(
            jdbc.sql("SELECT query FROM search_miss_day WHERE site_id = :s")
                .param("s", site)
                .query(String.class)
                .list())
        .as("the query with a telephone number is dropped")
        .containsExactly("无此结果的词");

    Api.Response analytics =
        api()
            .get(
                "/api/v1/admin/analytics?site="
                    + site
                    + "&from="
                    + clock.today().minusDays(1)
                    + "&to="
                    + clock.today(),
                "admin",
                ADMIN_PASSWORD);
    assertThat(analytics.status()).isEqualTo(200);
    assertThat(((Number) analytics.json("$.views")).longValue()).isEqualTo(1002);
    assertThat(((Number) analytics.json("$.visitors")).longValue()).isBetween(45L, 55L);

    // No address and no visitor's hash anywhere in the database's text, nor in the log.
    DaySalts.Salt salt = salts.of(LocalDate.now(clock));
    List<String> traces = new ArrayList<>();
    for (String address : addresses) {
      traces.add(address);
      for (long s : List.of(0L, site)) {
        long hash = SipHash.hash(salt.k0(), salt.k1(), s, address, VisitRequests.BROWSER);
        traces.add(Long.toString(hash));
        traces.add(Long.toUnsignedString(hash));
        traces.add(HexFormat.of().toHexDigits(hash));
      }
    }
    traces.add("10.78.");
    List<String> found = new ArrayList<>();
    for (Map<String, Object> column :
        jdbc.sql(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'PUBLIC' AND data_type IN"
                    + " ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER')")
            .query()
            .listOfRows()) {
      String table = (String) column.get("TABLE_NAME");
      String name = (String) column.get("COLUMN_NAME");
      for (String trace : traces) {
        Long hits =
            jdbc.sql(
                    "SELECT COUNT(*) FROM \""
                        + table
                        + "\" WHERE CAST(\""
                        + name
                        + "\" AS VARCHAR) LIKE :t")
                .param("t", "%" + trace + "%")
                .query(Long.class)
                .single();
        if (hits > 0) {
          found.add(table + "." + name + ": " + trace);
        }
      }
    }
    assertThat(found).isEmpty();
    assertThat(output.getAll()).doesNotContain("10.77.").doesNotContain("10.78.");
  }

  private long pageViews(long site, String page) {
    return jdbc.sql("SELECT SUM(views) FROM visit_page_day WHERE site_id = :s AND page = :p")
        .param("s", site)
        .param("p", page)
        .query(Long.class)
        .single();
  }

  private long site(String name, String host, Fixture f) {
    String idCode = "34" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    Api.Response created =
        api()
            .post(
                "/api/v1/admin/sites",
                "{\"name\":\""
                    + name
                    + "\",\"hosts\":[\""
                    + host
                    + "\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"idCode\":\""
                    + idCode
                    + "\",\"type\":\"DEPARTMENT\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return ((Number) created.json("$.id")).longValue();
  }
}
