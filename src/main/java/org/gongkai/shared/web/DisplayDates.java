package org.gongkai.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formats instants for pages in the platform's zone: {@code ${@displayDates.minute(x)}}. */
@Component("displayDates")
public class DisplayDates {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Clock clock;

  DisplayDates(Clock clock) {
    this.clock = clock;
  }

  public String minute(Instant instant) {
    return instant == null ? "" : MINUTE.format(instant.atZone(clock.getZone()));
  }

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
  }
}
