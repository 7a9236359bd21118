package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the dashboard, the API and the yearly report read of the counts. Visitors over several days
 * come from merging the days' sketches. The salt changes every day, so a visitor of several days
 * counts on each of them (nobody is followed from day to day), and the merge differs from the days'
 * estimates added up only by the estimate's error.
 */
@Repository
class VisitFigures {

  record Day(LocalDate day, long views, long visitors) {}

  record Month(YearMonth month, long views, long visitors) {}

  record Ranked(String key, long count) {}

  record Totals(long views, long visitors) {}

  private final JdbcClient jdbc;
  private final AnalyticsProperties settings;

  VisitFigures(JdbcClient jdbc, AnalyticsProperties settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  List<Day> days(long siteId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT on_day, views, visitors FROM visit_day WHERE site_id = :site"
                + " AND on_day BETWEEN :from AND :to ORDER BY on_day")
        .param("site", siteId)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Day(rs.getObject("on_day", LocalDate.class), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** Views added up and visitors of the whole period from the merged sketches. */
  Totals totals(long siteId, LocalDate from, LocalDate to) {
    return merge(sketches(siteId, from, to));
  }

  List<Month> months(long siteId, LocalDate from, LocalDate to) {
    Map<YearMonth, List<Sketched>> byMonth = new LinkedHashMap<>();
    for (Sketched day : sketches(siteId, from, to)) {
      byMonth.computeIfAbsent(YearMonth.from(day.day()), m -> new ArrayList<>()).add(day);
    }
    List<Month> months = new ArrayList<>();
    byMonth.forEach(
        (month, days) -> {
          Totals totals = merge(days);
          months.add(new Month(month, totals.views(), totals.visitors()));
        });
    return months;
  }

  List<Ranked> topPages(long siteId, LocalDate from, LocalDate to, int limit) {
    return ranked("visit_page_day", "page", "views", siteId, from, to, limit);
  }

  List<Ranked> topColumns(long siteId, LocalDate from, LocalDate to, int limit) {
    return ranked("visit_column_day", "column_id", "views", siteId, from, to, limit);
  }

  List<Ranked> searchMisses(long siteId, LocalDate from, LocalDate to, int limit) {
    return ranked("search_miss_day", "query", "searches", siteId, from, to, limit);
  }

  private List<Ranked> ranked(
      String table,
      String key,
      String count,
      long siteId,
      LocalDate from,
      LocalDate to,
      int limit) {
    return jdbc.sql(
            "SELECT "
                + key
                + ", SUM("
                + count
                + ") AS total FROM "
                + table
                + " WHERE site_id = :site AND on_day BETWEEN :from AND :to GROUP BY "
                + key
                + " ORDER BY total DESC, "
                + key
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param("site", siteId)
        .param("from", from)
        .param("to", to)
        .query((rs, n) -> new Ranked(rs.getString(1), rs.getLong(2)))
        .list();
  }

  private record Sketched(LocalDate day, long views, byte[] sketch) {}

  private List<Sketched> sketches(long siteId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT on_day, views, sketch FROM visit_day WHERE site_id = :site"
                + " AND on_day BETWEEN :from AND :to ORDER BY on_day")
        .param("site", siteId)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Sketched(
                    rs.getObject("on_day", LocalDate.class), rs.getLong(2), rs.getBytes(3)))
        .list();
  }

  private Totals merge(List<Sketched> days) {
    Union union = new Union(settings.lgK());
    long views = 0;
    for (Sketched day : days) {
      views += day.views();
      union.update(HllSketch.heapify(day.sketch()));
    }
    HllSketch merged = union.getResult(TgtHllType.HLL_4);
    return new Totals(views, days.isEmpty() ? 0 : Math.round(merged.getEstimate()));
  }
}
