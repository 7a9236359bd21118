package org.gongkai.shared.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * JDBC drivers agree on {@link OffsetDateTime} for timestamps with time zone; both sides convert
 * here.
 */
public final class Timestamps {

  private Timestamps() {}

  public static OffsetDateTime toDb(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant fromDb(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
