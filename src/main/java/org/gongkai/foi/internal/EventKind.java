package org.gongkai.foi.internal;

/** The steps of a request's history. Those marked as clock steps change how its due date is counted. */
enum EventKind {
  SUBMITTED(false),
  REGISTERED(true),
  ASSIGNED(false),
  SUPPLEMENT_REQUESTED(true),
  SUPPLEMENT_RECEIVED(true),
  CONSULTATION_SENT(true),
  CONSULTATION_ANSWERED(true),
  EXTENDED(true),
  FEE_NOTIFIED(true),
  FEE_PAID(true),
  REPLIED(true),
  CLOSED(true),
  DELIVERED(false),
  REOPENED(true),
  DUE_DATE_CHANGED(false),
  REMINDED(false),
  PUBLISHED_TO_CATALOG(false),
  PERSONAL_DATA_VIEWED(false);

  private final boolean clockStep;

  EventKind(boolean clockStep) {
    this.clockStep = clockStep;
  }

  boolean isClockStep() {
    return clockStep;
  }

  /** Steps the public sees on the status page; internal bookkeeping stays in the console. */
  boolean isPublic() {
    return this != ASSIGNED && this != REMINDED && this != PERSONAL_DATA_VIEWED && this != DUE_DATE_CHANGED;
  }
}
