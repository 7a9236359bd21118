package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestTable;

/**
 * Tables 三 and 四 of an annual report laid out from their figures or from the cells fixed at
 * publication.
 */
final class ReportTables {

  private ReportTables() {}

  /** Table 四 as it was published: the cases recorded since do not change it. */
  static List<AnnualReport.Table4Row> frozenTable4(Map<String, BigDecimal> frozen) {
    return ReportCases.CASE_KINDS.stream()
        .map(
            kind ->
                new AnnualReport.Table4Row(
                    kind,
                    IntStream.range(0, 5)
                        .mapToObj(
                            c ->
                                frozen
                                    .getOrDefault(
                                        "table4."
                                            + kind
                                            + "."
                                            + (c < 4 ? ReportCases.CASE_RESULTS.get(c) : "TOTAL"),
                                        BigDecimal.ZERO)
                                    .intValue())
                        .toList()))
        .toList();
  }

  /** The 结转下年度 row of a published report, or null when that report was not published here. */
  static List<Integer> carriedForward(Map<String, BigDecimal> frozen) {
    if (frozen.isEmpty()) {
      return null;
    }
    return RequestTable.COLUMN_KEYS.stream()
        .map(c -> frozen.getOrDefault("table3.CARRIED_FORWARD." + c, BigDecimal.ZERO).intValue())
        .toList();
  }

  /** Table 三 rows in the format's layout: the 2019 format has one （六）其他处理 row. */
  static List<AnnualReport.Table3Row> table3(RequestTable table, ReportFormat format) {
    List<AnnualReport.Table3Row> rows = new ArrayList<>();
    for (RequestTable.Row r : table.rows()) {
      boolean otherSubRow =
          r.key().equals(Outcome.OTHER_NO_SUPPLEMENT.name())
              || r.key().equals(Outcome.OTHER_FEE_UNPAID.name());
      if (!format.splitsOtherHandling() && otherSubRow) {
        continue;
      }
      if (!format.splitsOtherHandling() && r.key().equals(Outcome.OTHER.name())) {
        List<Integer> merged = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
          merged.add(
              r.cells().get(c)
                  + table.row(Outcome.OTHER_NO_SUPPLEMENT.name()).cells().get(c)
                  + table.row(Outcome.OTHER_FEE_UNPAID.name()).cells().get(c));
        }
        rows.add(new AnnualReport.Table3Row(r.key(), merged));
        continue;
      }
      rows.add(new AnnualReport.Table3Row(r.key(), r.cells()));
    }
    return rows;
  }

  static List<AnnualReport.Table3Row> frozenTable3(
      List<AnnualReport.Table3Row> layout, Map<String, BigDecimal> frozen) {
    return layout.stream()
        .map(
            r ->
                new AnnualReport.Table3Row(
                    r.key(),
                    IntStream.range(0, 7)
                        .mapToObj(
                            c ->
                                frozen
                                    .getOrDefault(
                                        "table3." + r.key() + "." + RequestTable.COLUMN_KEYS.get(c),
                                        BigDecimal.ZERO)
                                    .intValue())
                        .toList()))
        .toList();
  }
}
