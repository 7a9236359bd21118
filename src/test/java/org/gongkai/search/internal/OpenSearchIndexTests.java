package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.support.OpenSearchTestCluster;
import org.junit.jupiter.api.Test;

/** The search port on a real two-node OpenSearch cluster started inside the test. */
class OpenSearchIndexTests {

  private static final AtomicInteger ALIASES = new AtomicInteger();

  private static OpenSearchEngine engine(OpenSearchTestCluster cluster, String alias) {
    return new OpenSearchEngine(
        new SearchProperties.OpenSearch(
            List.of(cluster.hosts().split(",")), null, null, alias, 1, 1, null));
  }

  private static OpenSearchEngine freshEngine() {
    return engine(OpenSearchTestCluster.shared(), "port-" + ALIASES.incrementAndGet());
  }

  private static IndexedDocument doc(
      long id, String title, String body, String agency, LocalDate published) {
    return new IndexedDocument(
        id,
        id,
        "000014349/2024-0000" + id,
        title,
        null,
        body,
        null,
        null,
        agency,
        "市政府",
        7,
        "通知公告",
        null,
        null,
        "VALID",
        LocalDate.of(2024, 1, 2),
        published,
        "");
  }

  private static SearchResult search(EngineIndex index, String text) {
    return index.search(SearchQuery.of(text));
  }

  @Test
  void findsWhatWasPutAtOnceAndForgetsWhatWasRemovedAtOnce() throws IOException {
    try (EngineIndex index = freshEngine().createEmpty()) {
      index.put(doc(1, "关于优化营商环境的通知", "各单位要持续优化营商环境。", "000014349", LocalDate.of(2024, 3, 1)));
      index.put(doc(2, "2024年财政预算公开", "预算收入和支出情况。", "000014349", LocalDate.of(2024, 3, 2)));

      SearchResult found = search(index, "营商环境");
      assertThat(found.items()).extracting(SearchResult.Hit::id).containsExactly(1L);
      assertThat(found.total()).isEqualTo(1);
      assertThat(found.items().get(0).titleHighlight()).contains("<mark>营商环境</mark>");
      assertThat(found.items().get(0).url()).isEqualTo("/documents/1");
      assertThat(search(index, "營商環境").items())
          .extracting(SearchResult.Hit::id)
          .containsExactly(1L);
      assertThat(search(index, "\"优化营商\"").total()).isEqualTo(1);
      assertThat(search(index, "\"营商优化\"").total()).isZero();
      // The agency's name is not the document's text.
      assertThat(search(index, "市政府").total()).isZero();

      index.remove(1);
      assertThat(search(index, "营商环境").total()).isZero();
      index.remove(99); // not there: nothing to do
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.indexedEditions()).containsOnlyKeys(2L);
    }
  }

  @Test
  void facetsFiltersAndADateCursorAgreeWithTheTotal() throws IOException {
    try (EngineIndex index = freshEngine().createEmpty()) {
      for (int i = 1; i <= 25; i++) {
        index.putWithoutCommit(
            doc(
                i,
                "政府信息公开工作通知 第" + i + "号",
                "通知正文" + i,
                i <= 10 ? "A" : "B",
                LocalDate.of(2023 + i % 2, 1, 1).plusDays(i)));
      }
      index.commit();
      SearchResult first =
          index.search(
              new SearchQuery(
                  "通知",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  SearchQuery.Sort.DATE,
                  1,
                  10,
                  null,
                  true));
      assertThat(first.total()).isEqualTo(25);
      assertThat(first.facets().get("agency"))
          .extracting(SearchResult.FacetValue::key, SearchResult.FacetValue::count)
          .containsExactly(Tuple.tuple("B", 15L), Tuple.tuple("A", 10L));
      assertThat(first.facets().get("year"))
          .extracting(SearchResult.FacetValue::key)
          .containsExactly("2024", "2023");
      List<Long> all = new ArrayList<>(first.items().stream().map(SearchResult.Hit::id).toList());
      String cursor = first.nextCursor();
      while (cursor != null) {
        SearchResult next =
            index.search(
                new SearchQuery(
                    "通知",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    SearchQuery.Sort.DATE,
                    1,
                    10,
                    cursor,
                    false));
        next.items().forEach(h -> all.add(h.id()));
        cursor = next.nextCursor();
      }
      assertThat(all).hasSize(25).doesNotHaveDuplicates();
      List<LocalDate> dates = new ArrayList<>();
      // newest first across pages
      for (Long id : all) {
        dates.add(LocalDate.of(2023 + (int) (id % 2), 1, 1).plusDays(id));
      }
      assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());

      SearchResult onlyA =
          index.search(
              new SearchQuery(
                  "通知",
                  "A",
                  null,
                  null,
                  null,
                  null,
                  null,
                  SearchQuery.Sort.RELEVANCE,
                  2,
                  4,
                  null,
                  true));
      assertThat(onlyA.total()).isEqualTo(10);
      assertThat(onlyA.items()).hasSize(4).allMatch(h -> h.agency().equals("A"));
      SearchResult in2024 =
          index.search(
              new SearchQuery(
                  null,
                  null,
                  null,
                  null,
                  null,
                  LocalDate.of(2024, 1, 1),
                  LocalDate.of(2024, 12, 31),
                  SearchQuery.Sort.DATE,
                  1,
                  50,
                  null,
                  false));
      assertThat(in2024.total()).isEqualTo(13);
      assertThat(index.suggestTitles("信息公开", 3))
          .hasSize(3)
          .allMatch(t -> t.startsWith("政府信息公开工作通知"));
    }
  }

  @Test
  void aFullRebuildMovesTheAliasWhileSearchesKeepAnswering() throws Exception {
    OpenSearchEngine engine = freshEngine();
    try (EngineIndex index = engine.createEmpty()) {
      index.put(doc(1, "旧的通知", "正文", "A", LocalDate.of(2024, 1, 1)));
      String before = engine.currentIndex();
      AtomicBoolean rebuilding = new AtomicBoolean(true);
      List<Long> totals = new CopyOnWriteArrayList<>();
      Thread searcher =
          new Thread(
              () -> {
                while (rebuilding.get()) {
                  totals.add(search(index, "通知").total());
                }
              });
      searcher.start();
      List<IndexedDocument> all = new ArrayList<>();
      for (int i = 1; i <= 1_200; i++) {
        all.add(doc(i, "通知 " + i, "正文", "A", LocalDate.of(2024, 1, 1)));
      }
      AtomicInteger counted = new AtomicInteger();
      index.replaceAll(
          () ->
              new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                  return next < all.size();
                }

                @Override
                public IndexedDocument next() {
                  if (next == 600) {
                    // published while the rebuild runs: in the old index now, and in the new one
                    // after
                    index.put(doc(5_000, "重建时发布的通知", "正文", "A", LocalDate.of(2024, 2, 1)));
                  }
                  return all.get(next++);
                }
              },
          counted::incrementAndGet);
      rebuilding.set(false);
      searcher.join();

      assertThat(counted).hasValue(1_200);
      assertThat(engine.currentIndex()).isNotEqualTo(before);
      assertThat(totals).isNotEmpty().allMatch(t -> t >= 1);
      assertThat(search(index, "通知").total()).isEqualTo(1_201);
      assertThat(search(index, "重建时发布").total()).isEqualTo(1);
      assertThat(index.indexedEditions()).hasSize(1_201);
    }
  }

  @Test
  void opensWhatItWroteAndRefusesAnIndexOfAnotherSchema() throws IOException {
    OpenSearchEngine engine = freshEngine();
    assertThatThrownBy(engine::open).isInstanceOf(IOException.class);
    try (EngineIndex written = engine.createEmpty()) {
      written.put(doc(1, "关于优化营商环境的通知", "正文", "A", LocalDate.of(2024, 3, 1)));
    }
    OpenSearchEngine again = engine(OpenSearchTestCluster.shared(), engine.alias());
    try (EngineIndex reopened = again.open()) {
      assertThat(reopened.size()).isEqualTo(1);
      assertThat(search(reopened, "营商环境").total()).isEqualTo(1);
    }
    OpenSearchEngine other =
        engine(OpenSearchTestCluster.shared(), "other-" + ALIASES.incrementAndGet());
    other
        .client()
        .indices()
        .create(c -> c.index(other.alias() + "-1").aliases(other.alias(), a -> a));
    assertThatThrownBy(other::open).hasMessageContaining("older schema");
  }

  @Test
  void searchKeepsAnsweringWhenANodeStops() throws IOException {
    try (OpenSearchTestCluster cluster = OpenSearchTestCluster.startNew();
        EngineIndex index = engine(cluster, "stop").createEmpty()) {
      for (int i = 1; i <= 50; i++) {
        index.putWithoutCommit(doc(i, "政务公开通知 " + i, "正文", "A", LocalDate.of(2024, 1, 1)));
      }
      index.commit();
      assertThat(search(index, "政务公开").total()).isEqualTo(50);

      cluster.stopSecondNode();

      for (int i = 0; i < 20; i++) {
        assertThat(search(index, "政务公开").total()).isEqualTo(50);
      }
      index.put(doc(51, "节点停止后发布的通知", "正文", "A", LocalDate.of(2024, 2, 1)));
      assertThat(search(index, "节点停止").total()).isEqualTo(1);
    }
  }
}
