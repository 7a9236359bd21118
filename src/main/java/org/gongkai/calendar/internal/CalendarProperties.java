package org.gongkai.calendar.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The working calendar kept in each node's memory.
 *
 * @param check How often a node looks whether another node changed the holiday calendar.
 */
@ConfigurationProperties("gongkai.calendar")
@Validated
record CalendarProperties(@DefaultValue(CalendarProperties.CHECK) @NotNull Duration check) {

  /** The follower's schedule names it in a placeholder, which must be a constant. */
  static final String CHECK = "PT5S";
}
