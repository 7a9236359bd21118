package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;

/** Steps for the deadline tests, as the history would record them. */
final class Steps {

  private Steps() {}

  static RequestEvent on(EventKind kind, LocalDate on) {
    return RequestEvent.of(kind, on, "test", Instant.EPOCH);
  }

  static RequestEvent extension(int days) {
    return RequestEvent.of(EventKind.EXTENDED, null, "test", Instant.EPOCH).days(days);
  }
}
