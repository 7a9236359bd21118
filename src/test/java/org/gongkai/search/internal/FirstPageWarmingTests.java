package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongkai.search.SearchQuery;
import org.junit.jupiter.api.Test;

class FirstPageWarmingTests {

  private final List<SearchQuery> hot =
      List.of(SearchQuery.of("营商环境"), SearchQuery.of("政府采购"), SearchQuery.of("安全生产"));

  @Test
  void changesInQuickSuccessionAreWarmedOnceWithTheHottestSearches() {
    AtomicInteger warmUps = new AtomicInteger();
    List<String> ran = new CopyOnWriteArrayList<>();
    try (FirstPageWarming warming =
        new FirstPageWarming(
            limit -> {
              warmUps.incrementAndGet();
              return hot.subList(0, Math.min(limit, hot.size()));
            },
            q -> ran.add(q.text()),
            2,
            Duration.ofSeconds(1))) {
      for (int i = 0; i < 50; i++) {
        warming.afterChange();
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> warming.lastWarmed() == 2);
      assertThat(warmUps).hasValue(1);
      assertThat(ran).containsExactly("营商环境", "政府采购");
    }
  }

  @Test
  void aWarmUpStopsAtItsBudgetAndWhenTheIndexIsGone() {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (FirstPageWarming slow =
        new FirstPageWarming(
            limit -> hot,
            q -> {
              ran.add(q.text());
              sleep(80);
            },
            10,
            Duration.ofMillis(50))) {
      slow.afterChange();
      await().atMost(Duration.ofSeconds(5)).until(() -> !ran.isEmpty() && slow.lastWarmed() == 1);
    }
    AtomicInteger attempts = new AtomicInteger();
    try (FirstPageWarming closed =
        new FirstPageWarming(
            limit -> hot,
            q -> {
              attempts.incrementAndGet();
              throw new IllegalStateException("this IndexReader is closed");
            },
            10,
            Duration.ofSeconds(1))) {
      closed.afterChange();
      await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() > 0);
      sleep(200);
      assertThat(attempts).as("no further search on a closed index").hasValue(1);
      assertThat(closed.lastWarmed()).isZero();
    }
  }

  @Test
  void noWarmUpWhenItIsSwitchedOff() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (FirstPageWarming off =
        new FirstPageWarming(
            limit -> {
              asked.incrementAndGet();
              return hot;
            },
            q -> {},
            0,
            Duration.ofSeconds(1))) {
      off.afterChange();
      Thread.sleep(FirstPageWarming.PAUSE.toMillis() + 200);
      assertThat(asked).hasValue(0);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
