package org.gongkai.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.foi.RequestTable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The checks of domain.md §2.3 and their like for table 四: a report that fails one is shown with
 * every violation and cannot be published.
 */
final class ConsistencyRules {

  private ConsistencyRules() {}

  static List<AnnualReport.Violation> check(
      List<AnnualReport.Table3Row> table3,
      List<AnnualReport.Table4Row> table4,
      List<AnnualReport.Table2Block> table2,
      Map<String, String> sections,
      List<Integer> publishedCarriedForward) {
    List<AnnualReport.Violation> violations = new ArrayList<>();
    if (publishedCarriedForward != null) {
      AnnualReport.Table3Row over = row(table3, "CARRIED_OVER");
      for (int c = 0; c < 7; c++) {
        if (!over.cells().get(c).equals(publishedCarriedForward.get(c))) {
          violations.add(
              new AnnualReport.Violation(
                  "T3_CARRY_OVER",
                  "report.rule.t3-carry-over",
                  List.of(c + 1, over.cells().get(c), publishedCarriedForward.get(c)),
                  "table3.CARRIED_OVER." + column(c)));
        }
      }
    }
    AnnualReport.Table3Row received = row(table3, "RECEIVED");
    AnnualReport.Table3Row carriedOver = row(table3, "CARRIED_OVER");
    AnnualReport.Table3Row total = row(table3, "TOTAL");
    AnnualReport.Table3Row forward = row(table3, "CARRIED_FORWARD");
    for (int c = 0; c < 7; c++) {
      int left = received.cells().get(c) + carriedOver.cells().get(c);
      int right = total.cells().get(c) + forward.cells().get(c);
      if (left != right) {
        violations.add(
            new AnnualReport.Violation(
                "T3_BALANCE",
                "report.rule.t3-balance",
                List.of(c + 1, left, right),
                "table3.*." + column(c)));
      }
      int outcomes = 0;
      for (AnnualReport.Table3Row r : table3) {
        if (!List.of("RECEIVED", "CARRIED_OVER", "TOTAL", "CARRIED_FORWARD").contains(r.key())) {
          outcomes += r.cells().get(c);
        }
      }
      if (outcomes != total.cells().get(c)) {
        violations.add(
            new AnnualReport.Violation(
                "T3_TOTAL",
                "report.rule.t3-total",
                List.of(c + 1, outcomes, total.cells().get(c)),
                "table3.TOTAL." + column(c)));
      }
    }
    for (AnnualReport.Table3Row r : table3) {
      int sum = 0;
      for (int c = 0; c < 6; c++) {
        sum += r.cells().get(c);
      }
      if (sum != r.cells().get(6)) {
        violations.add(
            new AnnualReport.Violation(
                "T3_COLUMNS",
                "report.rule.t3-columns",
                List.of(label("foi.row." + r.key()), sum, r.cells().get(6)),
                "table3." + r.key() + ".TOTAL"));
      }
    }
    for (AnnualReport.Table4Row r : table4) {
      int sum = r.cells().get(0) + r.cells().get(1) + r.cells().get(2) + r.cells().get(3);
      if (sum != r.cells().get(4)) {
        violations.add(
            new AnnualReport.Violation(
                "T4_TOTAL",
                "report.rule.t4-total",
                List.of(label("report.t4." + r.key()), sum, r.cells().get(4)),
                "table4." + r.key() + ".TOTAL"));
      }
    }
    for (AnnualReport.Table2Block b : table2) {
      for (AnnualReport.Table2Row r : b.rows()) {
        for (int c = 0; c < b.columns().size(); c++) {
          var v = r.values().get(c);
          String key = b.key() + "." + r.key() + "." + b.columns().get(c);
          if (v == null) {
            violations.add(
                new AnnualReport.Violation(
                    "T2_MISSING",
                    "report.rule.t2-missing",
                    List.of(label("report.figure.key." + key)),
                    "table2." + key));
          } else if (v.signum() < 0 && !b.columns().get(c).equals("CHANGE")) {
            violations.add(
                new AnnualReport.Violation(
                    "T2_NEGATIVE",
                    "report.rule.t2-negative",
                    List.of(label("report.figure.key." + key)),
                    "table2." + key));
          }
        }
      }
    }
    for (String section : AnnualReport.TEXT_SECTIONS) {
      String text = sections.get(section);
      if (text == null || text.isBlank()) {
        violations.add(
            new AnnualReport.Violation(
                "TEXT_MISSING",
                "report.rule.text-missing",
                List.of(label("report.section." + section)),
                "sections." + section));
      }
    }
    return violations;
  }

  /** Resolved by the message source where the violation is shown, in the reader's language. */
  private static DefaultMessageSourceResolvable label(String key) {
    return new DefaultMessageSourceResolvable(new String[] {key}, key);
  }

  private static String column(int c) {
    return RequestTable.COLUMN_KEYS.get(c);
  }

  private static AnnualReport.Table3Row row(List<AnnualReport.Table3Row> rows, String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }
}
