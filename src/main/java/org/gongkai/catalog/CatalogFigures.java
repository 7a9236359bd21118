package org.gongkai.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Counts over the published catalog, for the statutory reports and the dashboards. */
public interface CatalogFigures {

  /**
   * For a document kind (规章, 行政规范性文件) in the agencies' live catalog: issued in the year, repealed
   * in the year, in force at the year's end, first published in the year, and live in all.
   */
  KindFigures kindFigures(Collection<Long> agencyIds, DocumentKind kind, int year);

  /** Documents first published per month and column between the dates, both inclusive. */
  List<MonthlyPublications> publicationsPerMonth(
      Collection<Long> agencyIds, LocalDate from, LocalDate to);

  /**
   * Documents first published between the dates (both inclusive), per column of the edition that
   * first published them, counted whatever became of them since: withdrawn or revised documents
   * count in the year they first went out. {@code kind} null: every kind.
   */
  List<ColumnCount> firstPublishedPerColumn(
      Collection<Long> agencyIds, DocumentKind kind, LocalDate from, LocalDate to);

  record ColumnCount(long columnId, long count) {}

  record KindFigures(int issued, int repealed, int inForce, int published, int live) {}

  record MonthlyPublications(String month, long columnId, long count) {}
}
