package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step in a request's history. {@code effectiveOn} is the day that counts for the clock (the
 * day of receipt, of sending, of the answer); {@code untilOn} a deadline the step set.
 */
record RequestEvent(long id, EventKind kind, LocalDate effectiveOn, LocalDate untilOn, Integer days, String detail,
    String actor, Instant recordedAt) {

  static RequestEvent of(EventKind kind, LocalDate on) {
    return new RequestEvent(0, kind, on, null, null, null, "test", Instant.EPOCH);
  }

  static RequestEvent extension(int days) {
    return new RequestEvent(0, EventKind.EXTENDED, null, null, days, null, "test", Instant.EPOCH);
  }
}
