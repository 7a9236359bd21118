package org.gongkai.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.CatalogFigures;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.foi.Outcome;
import org.gongkai.shared.web.CsvFile;
import org.springframework.stereotype.Service;

/**
 * The dashboards' figures, computed from recorded events: documents published per month and column,
 * requests concluded per month by outcome, handling times, the share answered on time and the
 * overdue count. Each is a table first (readable, printable, exportable) and a chart second.
 */
@Service
class Dashboards {

  private final CatalogFigures catalog;
  private final FoiStatistics foi;
  private final AgencyDirectory agencies;
  private final ReportLayout layout;
  private final Clock clock;

  Dashboards(
      CatalogFigures catalog,
      FoiStatistics foi,
      AgencyDirectory agencies,
      ReportLayout layout,
      Clock clock) {
    this.catalog = catalog;
    this.foi = foi;
    this.agencies = agencies;
    this.layout = layout;
    this.clock = clock;
  }

  /**
   * A table of figures: one label per row under {@code rowHeading}, one number per column; units in
   * the titles.
   */
  record Table(String key, String title, String rowHeading, List<String> columns, List<Row> rows) {}

  record Row(String label, List<Number> values) {}

  record Dashboard(
      String scope,
      YearMonth from,
      YearMonth to,
      List<Table> tables,
      FoiStatistics.Handling handling) {}

  Dashboard build(Set<Long> scope, String scopeName, YearMonth from, YearMonth to, Locale locale) {
    LocalDate first = from.atDay(1);
    LocalDate last = to.atEndOfMonth();
    List<String> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    // Columns are an agency's own; across agencies they are compared by their standard type.
    Map<ColumnType, long[]> byType = new LinkedHashMap<>();
    for (var p : catalog.publicationsPerMonth(scope, first, last)) {
      ColumnType type = agencies.column(p.columnId()).map(Column::type).orElse(ColumnType.GENERAL);
      byType.computeIfAbsent(type, t -> new long[months.size()])[months.indexOf(p.month())] +=
          p.count();
    }
    List<Row> publicationRows = new ArrayList<>();
    for (String m : months) {
      List<Number> values = new ArrayList<>();
      byType.values().forEach(counts -> values.add(counts[months.indexOf(m)]));
      publicationRows.add(new Row(m, values));
    }
    List<String> typeColumns =
        byType.keySet().stream().map(t -> layout.text("column.type." + t, locale)).toList();

    Map<Outcome.Group, long[]> byGroup = new LinkedHashMap<>();
    for (Outcome.Group g : Outcome.Group.values()) {
      byGroup.put(g, new long[months.size()]);
    }
    for (var o : foi.outcomesPerMonth(scope, first, last)) {
      byGroup.get(o.outcome().group())[months.indexOf(o.month())] += o.count();
    }
    List<Row> outcomeRows = new ArrayList<>();
    for (String m : months) {
      List<Number> values = new ArrayList<>();
      byGroup.values().forEach(counts -> values.add(counts[months.indexOf(m)]));
      outcomeRows.add(new Row(m, values));
    }
    List<String> groupColumns =
        byGroup.keySet().stream().map(g -> layout.text("report.t3.group." + g, locale)).toList();

    FoiStatistics.Handling handling = foi.handling(scope, first, last);
    Table handlingTable =
        new Table(
            "handling",
            layout.text("dashboard.handling", locale),
            layout.text("dashboard.item", locale),
            List.of(layout.text("dashboard.value", locale)),
            List.of(
                new Row(layout.text("dashboard.concluded", locale), List.of(handling.concluded())),
                new Row(
                    layout.text("dashboard.average-days", locale),
                    List.of(handling.averageWorkingDays())),
                new Row(
                    layout.text("dashboard.maximum-days", locale),
                    List.of(handling.maximumWorkingDays())),
                new Row(
                    layout.text("dashboard.on-time-share", locale),
                    List.of(Math.round(handling.onTimeShare() * 1000) / 10.0)),
                new Row(layout.text("dashboard.overdue", locale), List.of(handling.overdue()))));
    return new Dashboard(
        scopeName,
        from,
        to,
        List.of(
            new Table(
                "publications",
                layout.text("dashboard.publications", locale),
                layout.text("dashboard.month", locale),
                typeColumns,
                publicationRows),
            new Table(
                "outcomes",
                layout.text("dashboard.outcomes", locale),
                layout.text("dashboard.month", locale),
                groupColumns,
                outcomeRows),
            handlingTable),
        handling);
  }

  YearMonth defaultTo() {
    return YearMonth.now(clock);
  }

  static String csv(Table table) {
    List<String> header = new ArrayList<>();
    header.add(table.rowHeading());
    header.addAll(table.columns());
    CsvFile csv = new CsvFile(header);
    for (Row r : table.rows()) {
      List<Object> cells = new ArrayList<>();
      cells.add(r.label());
      cells.addAll(r.values());
      csv.row(cells);
    }
    return csv.toString();
  }
}
