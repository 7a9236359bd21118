package org.gongkai.foi;

/**
 * The years whose figures a published annual report has fixed. The report module knows which
 * reports are drafted for publication; the requests ask it before a step dated in such a year would
 * change what was published.
 */
public interface ReportedYears {

  /** Whether a published annual report counts the agency's requests of the year. */
  boolean isReported(long agencyId, int year);
}
