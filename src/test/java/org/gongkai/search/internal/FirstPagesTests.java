package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.junit.jupiter.api.Test;

class FirstPagesTests {

  private final FirstPages pages = new FirstPages(100);

  private static SearchResult result(long total) {
    return new SearchResult(total, 5, List.of(), Map.of(), null, 1, 10, false, false, false);
  }

  @Test
  void aCrowdAskingTheSameThingAtOnceRunsOneSearch() throws Exception {
    AtomicInteger searches = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService crowd = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<SearchResult>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return pages.get(
                      "index-1",
                      7,
                      SearchQuery.of("营商环境"),
                      Synonyms.NONE,
                      () -> {
                        searches.incrementAndGet();
                        sleep(200);
                        return result(42);
                      });
                },
                crowd));
      }
      start.countDown();
      for (var answer : answers) {
        assertThat(answer.get().total()).isEqualTo(42);
      }
      assertThat(searches).hasValue(1);
    } finally {
      crowd.shutdown();
    }
  }

  @Test
  void aNewIndexStateIsSearchedAgainAndTheHottestSearchesAreNamedOnce() {
    AtomicInteger searches = new AtomicInteger();
    SearchQuery hot = SearchQuery.of("营商环境");
    for (int i = 0; i < 5; i++) {
      pages.get("index-1", 7, hot, Synonyms.NONE, () -> result(searches.incrementAndGet()));
    }
    assertThat(searches).hasValue(1);
    assertThat(
            pages
                .get("index-1", 8, hot, Synonyms.NONE, () -> result(searches.incrementAndGet()))
                .total())
        .isEqualTo(2);
    pages.get("index-1", 8, SearchQuery.of("政府采购"), Synonyms.NONE, () -> result(0));
    assertThat(pages.hottest(10)).containsExactlyInAnyOrder(hot, SearchQuery.of("政府采购"));
    assertThat(pages.hottest(1)).hasSize(1);
  }

  @Test
  void aCacheSwitchedOffKeepsNothing() {
    AtomicInteger searches = new AtomicInteger();
    FirstPages off = new FirstPages(0);
    for (int i = 0; i < 3; i++) {
      off.get(
          "index-1",
          7,
          SearchQuery.of("营商环境"),
          Synonyms.NONE,
          () -> result(searches.incrementAndGet()));
    }
    assertThat(searches).hasValue(3);
    assertThat(off.hottest(10)).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
