package org.gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (from npm, in src/test/resources/axe) run in Debian's chromium over every public page
 * type and the console's main pages, on the demo content: no serious or critical violation of WCAG
 * 2.1 A and AA.
 */
class AccessibilityInBrowserTests extends BrowserTests {

  static final String PASSWORD = "accessibility-test-password";
  private static final String RUN_AXE =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
        .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\\n')[1])})))))
        .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}])));
      """;

  private static String axe;

  @BeforeAll
  static void readAxe() throws IOException {
    try (InputStream in =
        AccessibilityInBrowserTests.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void publicPagesHaveNoSeriousViolations() {
    String agency = value("SELECT code FROM agency WHERE name = '临江市商务局'");
    String document =
        value(
            "SELECT MIN(document_id) FROM edition WHERE state = 'PUBLISHED' AND disclosure_mode = 'PROACTIVE'");
    String consultation = value("SELECT MIN(id) FROM consultation WHERE published = TRUE");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    String column =
        value(
            "SELECT MIN(column_id) FROM edition WHERE state = 'PUBLISHED' AND column_id IN"
                + " (SELECT id FROM disclosure_column WHERE agency_id = (SELECT id FROM agency WHERE code = '"
                + agency
                + "'))");
    String interview = value("SELECT MIN(id) FROM interview WHERE published = TRUE");
    String power = value("SELECT MIN(code) FROM power_item");
    pages.put("agencies", "/agencies");
    pages.put("agency catalog", "/agencies/" + agency);
    pages.put("column with filters", "/agencies/" + agency + "?column=" + column + "&year=2025");
    pages.put("disclosure guide", "/agencies/" + agency + "/guide");
    pages.put("document", "/documents/" + document);
    pages.put("search", "/search?q=%E9%80%9A%E7%9F%A5");
    pages.put("request form", "/foi/apply");
    pages.put("request status", "/foi/status");
    pages.put("consultations", "/consultations");
    pages.put("consultation", "/consultations/" + consultation);
    pages.put("mailbox", "/mailbox");
    pages.put("mailbox answers", "/mailbox/qa");
    pages.put("mailbox status", "/mailbox/status");
    pages.put("interviews", "/interviews");
    pages.put("interview", "/interviews/" + interview);
    pages.put("power catalog", "/powers");
    pages.put("power", "/powers/" + power);
    pages.put("decision register", "/decisions");
    pages.put(
        "decision",
        "/decisions/" + value("SELECT MIN(id) FROM decision WHERE state = 'PUBLISHED'"));
    pages.put("topics", "/topics");
    pages.put("topic", "/topics/foreign-trade");
    pages.put("not found", "/no-such-page");
    pages.put("malformed address", "/documents/not-a-number");
    pages.put("senior mode", "/?senior=on");
    pages.put("english", "/?lang=en");
    assertNoSeriousViolations(pages);
  }

  @Test
  void consolePagesHaveNoSeriousViolations() {
    withPassword(REVIEWER, PASSWORD);
    assertNoSeriousViolations(Map.of("login", "/login"));
    logIn(REVIEWER, PASSWORD, "/console");

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("to-do", "/console");
    pages.put("documents", "/console/documents");
    pages.put("new document", "/console/documents/new");
    pages.put(
        "document",
        "/console/documents/"
            + value("SELECT MIN(document_id) FROM edition WHERE state = 'PUBLISHED'"));
    pages.put("requests", "/console/foi");
    pages.put("request", "/console/foi/" + value("SELECT MIN(id) FROM foi_request"));
    pages.put("topics", "/console/topics");
    pages.put("topic", "/console/topics/" + value("SELECT MIN(id) FROM topic"));
    pages.put("consultations", "/console/consultations");
    pages.put("mailbox", "/console/mailbox");
    pages.put("powers", "/console/powers");
    pages.put("decisions", "/console/decisions");
    pages.put("new decision", "/console/decisions/new");
    pages.put("decision", "/console/decisions/" + value("SELECT MAX(id) FROM decision"));
    pages.put("monitor", "/console/monitor");
    pages.put("reports", "/console/reports");
    pages.put("dashboard", "/console/dashboard");
    pages.put("agencies", "/console/agencies");
    String assessed = value("SELECT MAX(assessment_year) FROM assessment");
    String commerce = value("SELECT code FROM agency WHERE name = '临江市商务局'");
    pages.put("assessments", "/console/assessments");
    pages.put("assessment", "/console/assessments/" + assessed);
    pages.put(
        "assessment of an agency", "/console/assessments/" + assessed + "/agencies/" + commerce);
    pages.put("assessment compared", "/console/assessments/" + assessed + "/compare?indicator=1.3");
    assertNoSeriousViolations(pages);
  }

  private void assertNoSeriousViolations(Map<String, String> pages) {
    List<String> serious = new ArrayList<>();
    for (var page : pages.entrySet()) {
      open(page.getValue());
      browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      JavascriptExecutor js = (JavascriptExecutor) browser;
      js.executeScript(axe);
      String json = (String) js.executeAsyncScript(RUN_AXE);
      List<Map<String, Object>> violations = JsonPath.read(json, "$");
      for (Map<String, Object> v : violations) {
        if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
          serious.add(
              page.getKey() + " (" + page.getValue() + "): " + v.get("id") + " " + v.get("nodes"));
        }
      }
    }
    assertThat(serious).as("serious or critical WCAG 2.1 AA violations").isEmpty();
  }

  private String value(String sql) {
    return jdbc.sql(sql).query(String.class).single();
  }
}
