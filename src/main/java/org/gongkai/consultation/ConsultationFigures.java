package org.gongkai.consultation;

import java.time.LocalDate;
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

  /** {@code feedbackOn} is the day the adoption feedback was published, null while it is not. */
  record ClosedCall(long id, String title, LocalDate closesOn, LocalDate feedbackOn) {}
}
