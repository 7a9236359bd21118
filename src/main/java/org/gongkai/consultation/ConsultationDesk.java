package org.gongkai.consultation;

import java.time.LocalDate;
import org.gongkai.account.Staff;

/**
 * Opening calls for comments and notices and moderating their comments from other modules (the
 * demo, integrations).
 */
public interface ConsultationDesk {

  /**
   * Creates a call ({@code kind} CALL_FOR_COMMENTS or PUBLIC_NOTICE, {@code scope} PUBLIC or
   * INTERNAL) written by {@code author} and published by {@code publisher}, a second person.
   */
  long open(
      String agencyCode,
      String kind,
      String scope,
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
