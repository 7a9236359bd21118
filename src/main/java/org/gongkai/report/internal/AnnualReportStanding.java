package org.gongkai.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.report.ReportStanding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class AnnualReportStanding implements ReportStanding {

  private final AnnualReports reports;
  private final AgencyDirectory agencies;
  private final Catalog catalog;
  private final CatalogInspection inspection;
  private final JdbcClient jdbc;

  AnnualReportStanding(
      AnnualReports reports,
      AgencyDirectory agencies,
      Catalog catalog,
      CatalogInspection inspection,
      JdbcClient jdbc) {
    this.reports = reports;
    this.agencies = agencies;
    this.catalog = catalog;
    this.inspection = inspection;
    this.jdbc = jdbc;
  }

  /**
   * Rules on what is missing rather than on what the figures say: a report published as a document
   * has them in it.
   */
  private static final Set<String> COMPLETENESS = Set.of("T2_MISSING", "TEXT_MISSING");

  @Override
  public AnnualStanding annual(long agencyId, int year) {
    Agency agency = agencies.get(agencyId);
    AnnualReport report = reports.build(agency, year);
    int violations =
        (int) report.violations().stream().filter(v -> !COMPLETENESS.contains(v.rule())).count();
    if (report.documentId() != null && report.published()) {
      var document = catalog.publicDocument(report.documentId());
      return new AnnualStanding(
          report.deadline(),
          document.id(),
          document.edition().title(),
          document.publishedOn(),
          violations);
    }
    // Most agencies have published their reports as ordinary documents in the 年度报告 column.
    Long column = agencies.column(agencyId, ColumnType.ANNUAL_REPORT).map(Column::id).orElse(null);
    List<CatalogInspection.InspectedDocument> found = new ArrayList<>();
    if (column != null) {
      String yearText = String.valueOf(year);
      inspection.forEachLiveDocument(
          agencyId,
          d -> {
            if (d.columnId() == column
                && d.publishedOn() != null
                && d.publishedOn().getYear() == year + 1
                && d.title().contains(yearText)) {
              found.add(d);
            }
          });
    }
    return found.stream()
        .min(Comparator.comparing(CatalogInspection.InspectedDocument::publishedOn))
        .map(
            d ->
                new AnnualStanding(
                    report.deadline(), d.id(), d.title(), d.publishedOn(), violations))
        .orElse(new AnnualStanding(report.deadline(), null, null, null, violations));
  }

  @Override
  public List<CorrectedCase> correctedCases(long agencyId, int year) {
    return jdbc.sql(
            "SELECT id, kind, reference, concluded_on FROM report_case WHERE agency_id = ? AND result = 'CORRECTED'"
                + " AND concluded_on BETWEEN ? AND ? ORDER BY concluded_on, id")
        .params(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .query(
            (rs, i) ->
                new CorrectedCase(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }
}
