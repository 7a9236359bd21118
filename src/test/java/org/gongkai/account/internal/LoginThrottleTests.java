package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

  private final LoginThrottle throttle = new LoginThrottle(3, 15, Clock.systemUTC());

  @Test
  void failuresWithMadeUpNamesCannotFillTheMemory() {
    String huge = "x".repeat(1_900_000);
    for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 5_000; i++) {
      throttle.failed(i + huge.substring(0, 100), "203.0.113.7");
    }
    assertThat(throttle.size()).isEqualTo(LoginThrottle.MAX_ENTRIES);
    assertThat(LoginThrottle.isPlausible(huge)).isFalse();
    assertThat(LoginThrottle.isPlausible("admin")).isTrue();
  }

  @Test
  void locksThePairAfterTheLimitAndOnlyThatPair() {
    assertThat(throttle.failed("admin", "203.0.113.7")).isFalse();
    assertThat(throttle.failed("admin", "203.0.113.7")).isFalse();
    assertThat(throttle.failed("ADMIN", "203.0.113.7")).isTrue();
    assertThat(throttle.isLocked("admin", "203.0.113.7")).isTrue();
    assertThat(throttle.isLocked("admin", "198.51.100.2")).as("from elsewhere").isFalse();
  }
}
