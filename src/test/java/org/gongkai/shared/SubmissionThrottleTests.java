package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.SubmissionThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SubmissionThrottleTests {

  @Test
  void refusesAClientBeyondItsWindowAndLetsOthersThrough() throws Exception {
    Constructor<SubmissionThrottle> constructor =
        SubmissionThrottle.class.getDeclaredConstructor(int.class, int.class, Clock.class);
    constructor.setAccessible(true);
    SubmissionThrottle throttle = constructor.newInstance(3, 10,
        Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));
    for (int i = 0; i < 3; i++) {
      throttle.acquire("foi", "10.0.0.1");
    }
    assertThatThrownBy(() -> throttle.acquire("foi", "10.0.0.1"))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
    throttle.acquire("foi", "10.0.0.2");
    throttle.acquire("mailbox", "10.0.0.1");
  }
}
