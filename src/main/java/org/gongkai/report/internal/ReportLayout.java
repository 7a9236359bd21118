package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gongkai.foi.Outcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays out tables 二, 三 and 四 of a report as the official format does, labels from the message
 * bundle. Widths are in characters of the tables' text over the 42 that an A4 page with the
 * official margins holds: the figure columns take two characters a line (商业/企业, 结果/维持), the first
 * column of table 三 one (本年度办理结果 stacked), as the published template does.
 */
@Component
class ReportLayout {

  /** Characters of table text across the width of an A4 page inside the official margins. */
  static final double PAGE_WIDTH = 42;

  private static final double FIGURE = 2.6;

  private final MessageSource messages;

  ReportLayout(MessageSource messages) {
    this.messages = messages;
  }

  List<Grid> table2(AnnualReport report, Locale locale) {
    List<Grid> grids = new ArrayList<>();
    for (AnnualReport.Table2Block block : report.table2()) {
      int n = block.columns().size();
      Grid g = new Grid(text("report.t2.block." + block.key(), locale), n + 1);
      double[] widths = new double[n + 1];
      widths[0] = 12;
      Arrays.fill(widths, 1, n + 1, (PAGE_WIDTH - 12) / n);
      g.widths(widths);
      g.add(0, 0, 1, n + 1, text("report.t2.block." + block.key(), locale), true);
      g.add(1, 0, 1, 1, text("report.t2.content", locale), true);
      for (int c = 0; c < n; c++) {
        g.add(1, c + 1, 1, 1, label(report.format(), "col", block.columns().get(c), locale), true);
      }
      int r = 2;
      for (AnnualReport.Table2Row row : block.rows()) {
        g.add(r, 0, 1, 1, label(report.format(), "row", row.key(), locale), true);
        for (int c = 0; c < n; c++) {
          BigDecimal v = row.values().get(c);
          // nothing recorded is nothing done: the template shows 0, not an empty cell
          g.add(r, c + 1, 1, 1, v == null ? "0" : v.stripTrailingZeros().toPlainString(), false);
        }
        r++;
      }
      grids.add(g);
    }
    return grids;
  }

  Grid table3(AnnualReport report, Locale locale) {
    Grid g = new Grid(text("report.section.THREE", locale), 10);
    g.widths(
        2,
        8.5,
        PAGE_WIDTH - 2 - 8.5 - 7 * FIGURE,
        FIGURE,
        FIGURE,
        FIGURE,
        FIGURE,
        FIGURE,
        FIGURE,
        FIGURE);
    g.add(0, 0, 3, 3, text("report.t3.corner", locale), true);
    g.add(0, 3, 1, 7, text("report.t3.applicants", locale), true);
    g.add(1, 3, 2, 1, text("foi.column.NATURAL_PERSON", locale), true);
    g.add(1, 4, 1, 5, text("report.t3.organizations", locale), true);
    g.add(1, 9, 2, 1, text("foi.column.TOTAL", locale), true);
    String[] orgs = {
      "COMMERCIAL_ENTERPRISE",
      "RESEARCH_INSTITUTION",
      "PUBLIC_INTEREST_ORGANIZATION",
      "LEGAL_SERVICE_ORGANIZATION",
      "OTHER_ORGANIZATION"
    };
    for (int i = 0; i < orgs.length; i++) {
      g.add(2, 4 + i, 1, 1, text("foi.column." + orgs[i], locale), true);
    }
    int r = 3;
    int blockRows = report.table3().size() - 3;
    for (AnnualReport.Table3Row row : report.table3()) {
      String key = row.key();
      switch (key) {
        case "RECEIVED", "CARRIED_OVER", "CARRIED_FORWARD" ->
            g.add(r, 0, 1, 3, text("report.t3.row." + key, locale), true);
        default -> {
          if (key.equals(Outcome.DISCLOSED.name())) {
            g.add(r, 0, blockRows, 1, text("report.t3.results", locale), true);
          }
          if (key.equals("TOTAL")) {
            g.add(r, 1, 1, 2, text("report.t3.group.TOTAL", locale), true);
          } else {
            Outcome o = Outcome.valueOf(key);
            int groupSize = groupSize(report, o.group());
            boolean first = firstOfGroup(report, o);
            if (groupSize == 1) {
              g.add(r, 1, 1, 2, text("report.t3.group." + o.group(), locale), true);
            } else {
              if (first) {
                g.add(r, 1, groupSize, 1, text("report.t3.group." + o.group(), locale), true);
              }
              g.add(r, 2, 1, 1, text("report.t3.leaf." + o.name(), locale), true);
            }
          }
        }
      }
      for (int c = 0; c < 7; c++) {
        g.add(r, 3 + c, 1, 1, String.valueOf(row.cells().get(c)), false);
      }
      r++;
    }
    return g;
  }

  Grid table4(AnnualReport report, Locale locale) {
    Grid g = new Grid(text("report.section.FOUR", locale), 15);
    double[] widths = new double[15];
    Arrays.fill(widths, PAGE_WIDTH / 15);
    g.widths(widths);
    g.add(0, 0, 1, 5, text("report.t4.RECONSIDERATION", locale), true);
    g.add(0, 5, 1, 10, text("report.t4.LITIGATION", locale), true);
    for (int i = 0; i < 5; i++) {
      g.add(1, i, 2, 1, text("report.t4.col." + column(i), locale), true);
    }
    g.add(1, 5, 1, 5, text("report.t4.LITIGATION_DIRECT", locale), true);
    g.add(1, 10, 1, 5, text("report.t4.LITIGATION_AFTER_RECONSIDERATION", locale), true);
    for (int i = 0; i < 10; i++) {
      g.add(2, 5 + i, 1, 1, text("report.t4.col." + column(i % 5), locale), true);
    }
    int c = 0;
    for (AnnualReport.Table4Row row : report.table4()) {
      for (int v : row.cells()) {
        g.add(3, c++, 1, 1, String.valueOf(v), false);
      }
    }
    return g;
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** The format's own label where it has one (the 2019 format's 规范性文件), else the common one. */
  private String label(ReportFormat format, String kind, String key, Locale locale) {
    String common = "report.t2." + kind + "." + key;
    return messages.getMessage(
        "report.t2." + format.name() + "." + kind + "." + key, null, text(common, locale), locale);
  }

  /**
   * Section 六's figures on processing fees, counted from the requests, before what the agency
   * wrote.
   */
  String feeSentence(AnnualReport report, Locale locale) {
    BigDecimal notices = report.cells().get("six.fees.notices");
    if (notices == null || notices.signum() == 0) {
      return text("report.six.no-fees", locale);
    }
    return text(
        "report.six.fees",
        locale,
        notices.toPlainString(),
        report.cells().get("six.fees.charged").toPlainString(),
        report.cells().get("six.fees.collected").toPlainString());
  }

  /**
   * Section 六's count of requests answered late, those whose late step was recorded only after
   * their deadline included (kept with a reason and a proof, still late).
   */
  String timelinessSentence(AnnualReport report, Locale locale) {
    BigDecimal concluded = report.cells().get("six.requests.concluded");
    if (concluded == null || concluded.signum() == 0) {
      return "";
    }
    return text(
        "report.six.timeliness",
        locale,
        concluded.toPlainString(),
        report.cells().get("six.requests.late").toPlainString(),
        report.cells().get("six.requests.recorded-late").toPlainString());
  }

  private static String column(int i) {
    return i < 4 ? ReportCases.CASE_RESULTS.get(i) : "TOTAL";
  }

  private static int groupSize(AnnualReport report, Outcome.Group group) {
    return (int)
        report.table3().stream()
            .filter(r -> isOutcome(r.key()) && Outcome.valueOf(r.key()).group() == group)
            .count();
  }

  private static boolean firstOfGroup(AnnualReport report, Outcome o) {
    return report.table3().stream()
        .filter(r -> isOutcome(r.key()) && Outcome.valueOf(r.key()).group() == o.group())
        .findFirst()
        .map(r -> r.key().equals(o.name()))
        .orElse(false);
  }

  private static boolean isOutcome(String key) {
    for (Outcome o : Outcome.values()) {
      if (o.name().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
