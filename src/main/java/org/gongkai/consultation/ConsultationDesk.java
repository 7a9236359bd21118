package org.gongkai.consultation;

import java.time.LocalDate;
import org.gongkai.account.Staff;

/**
 * Opening calls for comments and notices and moderating their comments from other modules (the
 * demo, integrations).
 */
public interface ConsultationDesk {

  /**
   * Creates a call written by {@code author} and published by {@code publisher}, a second person.
   */
  long open(
      String agencyCode,
      ConsultationKind kind,
      ConsultationScope scope,
      String title,
      String text,
      LocalDate opensOn,
      LocalDate closesOn,
      Staff author,
      Staff publisher);

  /** A comment from the public, as the form sends it; pending until moderated. */
  long comment(long consultationId, Integer paragraph, String name, String contact, String body);

  void publishComment(long consultationId, long commentId, Staff actor);
}
