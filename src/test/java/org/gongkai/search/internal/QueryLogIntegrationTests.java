package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Suggestions come from what many visitors asked, not from what one visitor repeated. */
class QueryLogIntegrationTests extends PlatformIntegrationTests {

  @Autowired QueryLog log;

  @Test
  void oneVisitorRepeatingAPhraseCannotMakeItASuggestion() {
    String steered = "引导" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 500; i++) {
      log.record(steered, 3, "198.51.100.7");
    }
    String popular = "热门" + UUID.randomUUID().toString().substring(0, 6);
    for (int visitor = 1; visitor <= QueryLog.MIN_VISITORS; visitor++) {
      log.record(popular, 3, "198.51.100." + (10 + visitor));
      log.record(popular, 3, "198.51.100." + (10 + visitor));
    }
    String almost = "将热" + UUID.randomUUID().toString().substring(0, 6);
    for (int visitor = 1; visitor < QueryLog.MIN_VISITORS; visitor++) {
      log.record(almost, 3, "203.0.113." + visitor);
    }
    log.flush();
    assertThat(log.frequentStartingWith(steered.substring(0, 2), 100)).doesNotContain(steered);
    assertThat(log.frequentStartingWith(almost.substring(0, 2), 100)).doesNotContain(almost);
    assertThat(log.frequentStartingWith(popular.substring(0, 2), 100)).contains(popular);
    assertThat(
            jdbc.sql("SELECT hits FROM search_query WHERE query_text = ?")
                .param(steered)
                .query(Long.class)
                .single())
        .as("counted once for the one visitor")
        .isEqualTo(1);
  }

  @Test
  void visitorsCountedWhileFlushesRunAtTheSameTimeAreAllWritten() {
    String query = "并发" + UUID.randomUUID().toString().substring(0, 6);
    int threads = 4;
    int visitorsEach = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var work =
          IntStream.range(0, threads)
              .mapToObj(
                  t ->
                      CompletableFuture.runAsync(
                          () -> {
                            for (int v = 0; v < visitorsEach; v++) {
                              log.record(query, 1, "192.0.2." + t + "." + v);
                              if (v % 10 == 0) {
                                log.flush();
                              }
                            }
                          },
                          pool))
              .toArray(CompletableFuture[]::new);
      CompletableFuture.allOf(work).join();
    } finally {
      pool.shutdown();
    }
    log.flush();
    assertThat(
            jdbc.sql("SELECT hits FROM search_query WHERE query_text = ?")
                .param(query)
                .query(Long.class)
                .single())
        .isEqualTo((long) threads * visitorsEach);
  }
}
