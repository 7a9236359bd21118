package org.gongkai.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's clock in integration tests: the system's time moved by an offset, so that a test
 * can let days pass (a supplement period lapse, a payment period end) and then put the time back
 * for the tests after it.
 */
public final class TestClock extends Clock {

  private final ZoneId zone;
  private volatile Duration offset = Duration.ZERO;

  public TestClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    TestClock clock = new TestClock(other);
    clock.offset = offset;
    return clock;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  public LocalDate today() {
    return LocalDate.now(this);
  }

  public void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  public void advanceDays(long days) {
    offset = offset.plusDays(days);
  }

  /** Moves to the same time of day on {@code date}. */
  public void travelTo(LocalDate date) {
    offset = offset.plusDays(date.toEpochDay() - today().toEpochDay());
  }

  public void reset() {
    offset = Duration.ZERO;
  }
}
