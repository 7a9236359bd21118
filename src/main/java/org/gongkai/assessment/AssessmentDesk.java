package org.gongkai.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongkai.account.Staff;

/**
 * The annual assessment as other modules (the demo, integrations) drive it; each step checked and
 * audited as in the console.
 */
public interface AssessmentDesk {

  /**
   * Opens the year's assessment of the agencies below {@code officeAgencyCode}, with the year's
   * scheme.
   */
  void open(int year, String officeAgencyCode, Staff actor);

  /** An assessor's points for an indicator of an agency, with the reason. */
  void enter(
      int year,
      String agencyCode,
      String indicatorCode,
      BigDecimal points,
      String reason,
      Staff actor);

  /** Releases the draft; the agencies may object until the day given. */
  void release(int year, LocalDate objectionsUntil, Staff actor);

  /** An agency's objection; {@code indicatorCode} null for the result as a whole. */
  long object(int year, String agencyCode, String indicatorCode, String text, Staff actor);
}
