package org.gongkai.report.internal;

import java.time.YearMonth;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.foi.MonthlyStatistics;
import org.gongkai.foi.RequestTable;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;

/**
 * The monthly report is the month's request statistics as filed, exported for the office's records.
 */
@Service
class MonthlyReports {

  private final FoiStatistics statistics;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final ReportLayout layout;
  private final ReportXlsx xlsx;

  MonthlyReports(
      FoiStatistics statistics,
      AgencyDirectory agencies,
      StaffAccess access,
      ReportLayout layout,
      ReportXlsx xlsx) {
    this.statistics = statistics;
    this.agencies = agencies;
    this.access = access;
    this.layout = layout;
    this.xlsx = xlsx;
  }

  MonthlyStatistics month(String agencyCode, YearMonth month, Staff actor) {
    Agency agency =
        agencies
            .findByCode(agencyCode.trim())
            .orElseThrow(() -> Refusal.notFound("agency.not-found"));
    access.requireAgency(actor, agency.id());
    return statistics.month(agency.id(), month);
  }

  byte[] xlsx(MonthlyStatistics stats) {
    var locale = ReportHtml.REPORT_LOCALE;
    Grid g =
        new Grid(layout.text("report.monthly.title", locale, stats.agencyName(), stats.month()), 8)
            .widths(16, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5);
    g.add(
        0,
        0,
        1,
        8,
        layout.text("report.monthly.title", locale, stats.agencyName(), stats.month())
            + (stats.filed()
                ? (stats.zeroReport() ? " " + layout.text("foi.statistics.zero", locale) : "")
                : " " + layout.text("foi.statistics.missing", locale)),
        true);
    g.add(1, 0, 1, 1, layout.text("foi.statistics.row", locale), true);
    List<String> columns = RequestTable.COLUMN_KEYS;
    for (int c = 0; c < columns.size(); c++) {
      g.add(1, c + 1, 1, 1, layout.text("foi.column." + columns.get(c), locale), true);
    }
    int r = 2;
    for (RequestTable.Row row : stats.table().rows()) {
      g.add(r, 0, 1, 1, layout.text("foi.row." + row.key(), locale), true);
      for (int c = 0; c < 7; c++) {
        g.add(r, c + 1, 1, 1, String.valueOf(row.cells().get(c)), false);
      }
      r++;
    }
    return xlsx.sheets(List.of(g));
  }
}
