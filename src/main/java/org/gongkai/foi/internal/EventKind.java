package org.gongkai.foi.internal;

/**
 * The steps of a request's history. Steps take effect on a date the member of staff asserts (the
 * day of receipt, of sending, of the answer); bookkeeping (assignment, reminders, views of personal
 * data, due dates moved by the calendar) is recorded but decides nothing.
 */
enum EventKind {
  SUBMITTED(true, true),
  REGISTERED(true, true),
  ASSIGNED(false, false),
  SUPPLEMENT_REQUESTED(true, true),
  SUPPLEMENT_RECEIVED(true, true),
  REASONS_REQUESTED(true, true),
  REASONS_RECEIVED(true, true),
  PERIOD_SET(true, true),
  CONSULTATION_SENT(true, true),
  CONSULTATION_ANSWERED(true, true),
  EXTENDED(true, true),
  FEE_NOTIFIED(true, true),
  FEE_PAID(true, true),
  REPLIED(true, true),
  CLOSED(true, true),
  DELIVERED(true, true),
  REOPENED(true, true),
  DUE_DATE_CHANGED(false, false),
  REMINDED(false, false),
  PUBLISHED_TO_CATALOG(false, true),
  PERSONAL_DATA_VIEWED(false, false);

  private final boolean step;
  private final boolean isPublic;

  EventKind(boolean step, boolean isPublic) {
    this.step = step;
    this.isPublic = isPublic;
  }

  /** A step of the procedure: it has an effective date, which no later step may precede. */
  boolean isStep() {
    return step;
  }

  /** Steps the public sees on the status page; internal bookkeeping stays in the console. */
  boolean isPublic() {
    return isPublic;
  }
}
