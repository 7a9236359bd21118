package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;

/** Clock steps for the deadline tests, as the history would record them. */
final class Steps {

  private Steps() {}

  static RequestEvent on(EventKind kind, LocalDate on) {
    return new RequestEvent(0, kind, on, null, null, null, "test", Instant.EPOCH);
  }

  static RequestEvent extension(int days) {
    return new RequestEvent(0, EventKind.EXTENDED, null, null, days, null, "test", Instant.EPOCH);
  }
}
