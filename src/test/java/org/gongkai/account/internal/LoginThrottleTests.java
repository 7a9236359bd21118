package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.gongkai.support.MigratedH2;
import org.gongkai.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class LoginThrottleTests {

  private final TestClock clock = new TestClock(ZoneId.of("Asia/Shanghai"));
  private LoginThrottle throttle;
  private LoginThrottle otherNode;

  @BeforeEach
  void database() throws Exception {
    JdbcClient jdbc = MigratedH2.with("V28__login_failures.sql");
    throttle = new LoginThrottle(jdbc, new LoginProperties(3, Duration.ofMinutes(15)), clock);
    otherNode = new LoginThrottle(jdbc, new LoginProperties(3, Duration.ofMinutes(15)), clock);
  }

  @Test
  void locksThePairAfterTheLimitAndOnlyThatPair() {
    assertThat(throttle.failed("admin", "203.0.113.7")).isFalse();
    assertThat(throttle.failed("admin", "203.0.113.7")).isFalse();
    assertThat(throttle.failed("ADMIN", "203.0.113.7")).isTrue();
    assertThat(throttle.isLocked("admin", "203.0.113.7")).isTrue();
    assertThat(throttle.isLocked("admin", "198.51.100.2")).as("from elsewhere").isFalse();
  }

  @Test
  void anAddressTryingManyNamesIsStoppedForEveryName() {
    for (int i = 0; i < 3 * LoginThrottle.ADDRESS_FACTOR - 1; i++) {
      assertThat(throttle.failed("sprayed-" + i, "203.0.113.9")).isFalse();
    }
    assertThat(throttle.isLocked("another-name", "203.0.113.9")).isFalse();
    assertThat(throttle.failed("last-name", "203.0.113.9")).isTrue();
    assertThat(throttle.isLocked("another-name", "203.0.113.9")).isTrue();
    assertThat(throttle.isLocked("another-name", "198.51.100.2")).as("from elsewhere").isFalse();
  }

  @Test
  void everyNodeCountsTheSameFailures() {
    throttle.failed("editor", "203.0.113.7");
    otherNode.failed("editor", "203.0.113.7");
    assertThat(throttle.failed("editor", "203.0.113.7"))
        .as("the third failure, wherever it happened")
        .isTrue();
    assertThat(otherNode.isLocked("editor", "203.0.113.7")).isTrue();
    otherNode.succeeded("editor", "203.0.113.7");
    assertThat(throttle.isLocked("editor", "203.0.113.7")).isFalse();
  }

  @Test
  void aLockRunsOutAndItsRowIsForgotten() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("reviewer", "203.0.113.7");
    }
    assertThat(throttle.isLocked("reviewer", "203.0.113.7")).isTrue();
    clock.advance(Duration.ofMinutes(16));
    assertThat(throttle.isLocked("reviewer", "203.0.113.7")).isFalse();
    assertThat(throttle.failed("reviewer", "203.0.113.7")).as("counting starts again").isFalse();
    clock.advance(Duration.ofMinutes(16));
    assertThat(throttle.forgetExpired()).as("the pair's row and the address's").isEqualTo(2);
    assertThat(throttle.size()).isZero();
  }

  @Test
  void namesLongerThanAnyAccountsAreNotWorthCounting() {
    assertThat(LoginThrottle.isPlausible("x".repeat(1_900_000))).isFalse();
    assertThat(LoginThrottle.isPlausible("admin")).isTrue();
  }
}
