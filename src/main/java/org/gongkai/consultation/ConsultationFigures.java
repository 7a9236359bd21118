package org.gongkai.consultation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What the annual assessment asks of the consultations: whether each closed call for comments had
 * its feedback published.
 */
public interface ConsultationFigures {

  /**
   * The agency's published calls for comments that closed between the dates, both inclusive, oldest
   * first.
   */
  List<ClosedCall> closedCalls(long agencyId, LocalDate first, LocalDate last);

  /**
   * The agencies' published calls for comments in the year, for the yearly website report: calls
   * opened in the year (征集调查期数), comments received in the year on any call (收到意见数量), and calls
   * whose feedback was published in the year (公布调查结果期数).
   */
  ConsultationYear year(Collection<Long> agencyIds, int year);

  record ConsultationYear(int periods, int opinions, int resultsPublished) {}

  /** {@code feedbackOn} is the day the adoption feedback was published, null while it is not. */
  record ClosedCall(long id, String title, LocalDate closesOn, LocalDate feedbackOn) {}
}
