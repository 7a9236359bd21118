package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step in a request's history. {@code effectiveOn} is the day that counts for the clock (the
 * day of receipt, of sending, of the answer); {@code untilOn} a deadline the step set.
 */
record RequestEvent(long id, EventKind kind, LocalDate effectiveOn, LocalDate untilOn, Integer days, String detail,
    String actor, Instant recordedAt) {}
