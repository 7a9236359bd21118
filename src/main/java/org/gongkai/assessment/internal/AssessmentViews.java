package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the assessment pages show beside the results: the year-on-year table and the comparison on
 * one indicator.
 */
final class AssessmentViews {

  private AssessmentViews() {}

  /**
   * Totals per year (rows) and agency (columns); null where an agency was not assessed that year.
   */
  record Trend(List<String> agencies, List<TrendRow> rows) {}

  record TrendRow(String year, List<BigDecimal> totals) {}

  /** The agencies' points on one indicator, best first. */
  record Comparison(String code, String name, BigDecimal max, List<ComparisonRow> rows) {}

  record ComparisonRow(
      int rank, String agency, String name, BigDecimal points, Scoring.Source source) {}

  /**
   * The final years' totals, and the shown year's current totals when it is not final yet; for the
   * agencies in {@code shown} only.
   */
  static Trend trend(
      Map<Integer, Map<Long, BigDecimal>> finals,
      Assessments.Standing standing,
      String draftLabel) {
    List<Scoring.AgencyResult> shown = standing.results();
    List<String> names = shown.stream().map(Scoring.AgencyResult::name).toList();
    List<TrendRow> rows = new ArrayList<>();
    finals.forEach(
        (year, totals) -> {
          if (year <= standing.assessment().year()) {
            rows.add(
                new TrendRow(
                    String.valueOf(year),
                    shown.stream().map(r -> totals.get(r.agencyId())).toList()));
          }
        });
    if (!standing.isFinal()) {
      rows.add(
          new TrendRow(
              standing.assessment().year() + " " + draftLabel,
              shown.stream().map(Scoring.AgencyResult::total).toList()));
    }
    return new Trend(names, rows);
  }

  static Comparison compare(Assessments.Standing standing, Scoring.Item indicator) {
    List<ComparisonRow> rows = new ArrayList<>();
    for (Scoring.AgencyResult r : standing.results()) {
      Scoring.Item item = r.item(indicator.code());
      if (item != null) {
        rows.add(new ComparisonRow(0, r.agency(), r.name(), item.points(), item.source()));
      }
    }
    rows.sort(
        Comparator.comparing(ComparisonRow::points, Comparator.reverseOrder())
            .thenComparing(ComparisonRow::name));
    List<ComparisonRow> ranked = new ArrayList<>();
    for (int n = 0; n < rows.size(); n++) {
      ComparisonRow row = rows.get(n);
      int rank =
          n > 0 && rows.get(n - 1).points().compareTo(row.points()) == 0
              ? ranked.get(n - 1).rank()
              : n + 1;
      ranked.add(new ComparisonRow(rank, row.agency(), row.name(), row.points(), row.source()));
    }
    return new Comparison(indicator.code(), indicator.name(), indicator.max(), ranked);
  }
}
