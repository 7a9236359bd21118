package org.gongkai.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;

/**
 * The first pages of frequent searches. An entry names the exact index state it was computed on
 * (the folder and the reader's version), so a change to the index is never answered from here: the
 * next search of the new state misses, and the old entries age out.
 */
final class FirstPages {

  private record Key(String folder, long version, SearchQuery query, Synonyms synonyms) {}

  private final Cache<Key, SearchResult> pages;

  FirstPages(int size) {
    this.pages = size <= 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
  }

  /**
   * The searches whose pages are most worth keeping, hottest first, each once whatever state it was
   * kept for.
   */
  List<SearchQuery> hottest(int limit) {
    if (pages == null || limit <= 0) {
      return List.of();
    }
    return pages
        .policy()
        .eviction()
        .map(
            e ->
                e.hottest(limit * 4).keySet().stream()
                    .map(Key::query)
                    .distinct()
                    .limit(limit)
                    .toList())
        .orElse(List.of());
  }

  static boolean cacheable(SearchQuery q) {
    return q.cursor() == null && q.page() <= 1;
  }

  SearchResult get(
      String folder,
      long version,
      SearchQuery q,
      Synonyms synonyms,
      Supplier<SearchResult> search) {
    if (pages == null || !cacheable(q)) {
      return search.get();
    }
    long started = System.nanoTime();
    // A crowd asking the same thing at once waits for one search instead of running it each.
    SearchResult[] computed = new SearchResult[1];
    SearchResult page =
        pages.get(new Key(folder, version, q, synonyms), k -> computed[0] = search.get());
    return computed[0] != null ? page : page.tookNow((System.nanoTime() - started) / 1_000_000);
  }
}
