package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.SubmissionThrottle;
import org.gongkai.support.MigratedH2;
import org.gongkai.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

class SubmissionThrottleTests {

  @Test
  void anIpv6ClientIsCountedByItsSlash64() throws Exception {
    Constructor<SubmissionThrottle> constructor =
        SubmissionThrottle.class.getDeclaredConstructor(int.class, Duration.class, Clock.class);
    constructor.setAccessible(true);
    SubmissionThrottle throttle =
        constructor.newInstance(
            2,
            Duration.ofMinutes(10),
            Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));
    throttle.acquire("foi", "2001:db8:1:2::1");
    throttle.acquire("foi", "2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    assertThatThrownBy(() -> throttle.acquire("foi", "2001:0db8:0001:0002:ffff::9"))
        .as("another address of the same /64")
        .isInstanceOf(Refusal.class);
    throttle.acquire("foi", "2001:db8:1:3::1");
  }

  @Test
  void refusesAClientBeyondItsWindowAndLetsOthersThrough() throws Exception {
    Constructor<SubmissionThrottle> constructor =
        SubmissionThrottle.class.getDeclaredConstructor(int.class, Duration.class, Clock.class);
    constructor.setAccessible(true);
    SubmissionThrottle throttle =
        constructor.newInstance(
            3,
            Duration.ofMinutes(10),
            Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));
    for (int i = 0; i < 3; i++) {
      throttle.acquire("foi", "10.0.0.1");
    }
    assertThatThrownBy(() -> throttle.acquire("foi", "10.0.0.1"))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
    throttle.acquire("foi", "10.0.0.2");
    throttle.acquire("mailbox", "10.0.0.1");
  }

  @Test
  void nodesThatShareTheirLimitsCountAClientOnce() throws Exception {
    JdbcClient jdbc = MigratedH2.with("V29__submission_windows.sql");
    Constructor<SubmissionThrottle> shared =
        SubmissionThrottle.class.getDeclaredConstructor(
            int.class, Duration.class, Clock.class, JdbcClient.class);
    shared.setAccessible(true);
    TestClock clock = new TestClock(ZoneOffset.UTC);
    SubmissionThrottle nodeA = shared.newInstance(3, Duration.ofMinutes(10), clock, jdbc);
    SubmissionThrottle nodeB = shared.newInstance(3, Duration.ofMinutes(10), clock, jdbc);
    nodeA.acquire("foi", "10.0.0.1");
    nodeB.acquire("foi", "10.0.0.1");
    clock.advance(Duration.ofMinutes(4));
    nodeA.acquire("foi", "10.0.0.1");
    assertThatThrownBy(() -> nodeB.acquire("foi", "10.0.0.1"))
        .as("three in all, on whichever node")
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
    nodeB.acquire("foi", "10.0.0.2");
    clock.advance(Duration.ofMinutes(7));
    nodeB.acquire("foi", "10.0.0.1");
    clock.advance(Duration.ofMinutes(10));
    java.lang.reflect.Method forget = SubmissionThrottle.class.getDeclaredMethod("forgetOld");
    forget.setAccessible(true);
    assertThat((Integer) forget.invoke(nodeA))
        .as("the minutes of every window gone by")
        .isEqualTo(4);
  }
}
