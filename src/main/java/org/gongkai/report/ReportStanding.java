package org.gongkai.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the annual assessment asks of the reports: the year's annual report and the cases that
 * corrected the agency.
 */
public interface ReportStanding {

  /**
   * The agency's annual report for the year: its statutory deadline, the live catalog document that
   * published it (the one the report module drafted, or else the first one published in the
   * agency's 年度报告 column in the following year with the year in its title) and how many consistency
   * rules the year's figures fail now (figures and texts not yet entered are not counted: a report
   * published as a document carries them itself).
   */
  AnnualStanding annual(long agencyId, int year);

  /**
   * Administrative reconsideration and litigation cases concluded in the year that corrected the
   * agency.
   */
  List<CorrectedCase> correctedCases(long agencyId, int year);

  /** {@code documentId} and {@code publishedOn} are null while the report is not published. */
  record AnnualStanding(
      LocalDate deadline, Long documentId, String title, LocalDate publishedOn, int violations) {

    public boolean onTime() {
      return publishedOn != null && !publishedOn.isAfter(deadline);
    }
  }

  record CorrectedCase(long id, String kind, String reference, LocalDate concludedOn) {}
}
