package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTests {

  @TempDir Path dir;

  static IndexedDocument doc(long id, String title, String body) {
    return new IndexedDocument(
        id,
        id,
        "000014349/2024-0000" + id,
        title,
        null,
        body,
        null,
        null,
        "000014349",
        "市政府",
        7,
        "通知公告",
        null,
        null,
        "VALID",
        LocalDate.of(2024, 1, 2),
        LocalDate.of(2024, 1, 3),
        "");
  }

  @Test
  void findsWhatWasPutAndForgetsWhatWasRemoved() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      index.put(doc(1, "关于独角兽企业培育的通知", "支持独角兽企业发展"));
      assertThat(index.search(SearchQuery.of("独角兽")).total()).isEqualTo(1);
      index.put(doc(1, "关于瞪羚企业培育的通知", "支持瞪羚企业发展"));
      assertThat(index.search(SearchQuery.of("独角兽")).total()).isZero();
      assertThat(index.size()).isEqualTo(1);
      index.remove(1);
      assertThat(index.search(SearchQuery.of("瞪羚")).total()).isZero();
    }
  }

  @Test
  void afterAChangeTheFrequentSearchesAreRunAgainOnTheNewState() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      index.put(doc(1, "关于独角兽企业培育的通知", "支持独角兽企业发展"));
      await().atMost(Duration.ofSeconds(5)).until(() -> index.warming().warmUps() == 1);
      for (int i = 0; i < 3; i++) {
        assertThat(index.search(SearchQuery.of("独角兽")).total()).isEqualTo(1);
      }
      assertThat(index.search(SearchQuery.of("瞪羚")).total()).isZero();
      index.put(doc(2, "独角兽企业名单", "第二批独角兽企业"));
      await().atMost(Duration.ofSeconds(5)).until(() -> index.warming().warmUps() == 2);
      assertThat(index.warming().lastWarmed())
          .as("both searches asked before the change")
          .isEqualTo(2);
      assertThat(index.search(SearchQuery.of("独角兽")).total())
          .as("the new state, not the page kept before")
          .isEqualTo(2);
    }
  }

  @Test
  void facetsCountOnlyTheMatches() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      for (int i = 100; i < 160; i++) {
        IndexedDocument d = doc(i, "第" + i + "号通知", i == 117 ? "瞪羚企业" : "安全生产");
        index.putWithoutCommit(
            new IndexedDocument(
                d.id(),
                d.editionId(),
                d.indexNumber(),
                d.title(),
                d.summary(),
                d.bodyText(),
                d.keywords(),
                d.docNumber(),
                i == 117 ? "000099999" : "0000" + i,
                d.agencyName(),
                d.columnId(),
                d.columnName(),
                d.topic(),
                d.genre(),
                d.validity(),
                d.issuedOn(),
                d.publishedOn(),
                d.attachmentText()));
        index.commit();
        if (i % 3 == 1) {
          index.put(doc(i, "第" + i + "号通知（修订）", "安全生产"));
        }
      }
      index.commit();
      var found = index.search(SearchQuery.of("瞪羚"));
      assertThat(found.total()).isEqualTo(1);
      assertThat(found.facets().get(DocumentMapper.AGENCY))
          .extracting(f -> f.key() + "=" + f.count())
          .containsExactly("000099999=1");
      assertThat(found.facets().get(DocumentMapper.YEAR))
          .extracting(f -> f.key() + "=" + f.count())
          .containsExactly("2024=1");
    }
  }

  @Test
  void aDateRangeKeepsExactlyTheDaysWithinItInEverySegmentAndAfterARebuild() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      List<IndexedDocument> all = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        IndexedDocument d = doc(200 + i, "第" + i + "号通知", "安全生产");
        LocalDate day = LocalDate.of(2020, 12, 25).plusDays(i * 3L);
        all.add(
            new IndexedDocument(
                d.id(),
                d.editionId(),
                d.indexNumber(),
                d.title(),
                d.summary(),
                d.bodyText(),
                d.keywords(),
                d.docNumber(),
                d.agencyCode(),
                d.agencyName(),
                d.columnId(),
                d.columnName(),
                d.topic(),
                d.genre(),
                d.validity(),
                day,
                day,
                d.attachmentText()));
        index.put(all.get(i)); // a segment each, as documents are published one by one
      }
      LocalDate from = LocalDate.of(2021, 1, 6);
      LocalDate to = LocalDate.of(2021, 2, 3);
      long expected =
          all.stream()
              .filter(d -> !d.publishedOn().isBefore(from) && !d.publishedOn().isAfter(to))
              .count();
      SearchQuery inRange =
          new SearchQuery(
              "安全生产",
              null,
              null,
              null,
              null,
              from,
              to,
              SearchQuery.Sort.RELEVANCE,
              1,
              50,
              null,
              true);
      assertThat(index.search(inRange).total()).isEqualTo(expected).isEqualTo(10);
      assertThat(index.search(inRange).items())
          .allSatisfy(hit -> assertThat(hit.publishedOn()).isBetween(from, to));
      index.replaceAll(all, () -> {});
      assertThat(index.search(inRange).total()).isEqualTo(expected);
      assertThat(
              index
                  .search(
                      new SearchQuery(
                          "安全生产",
                          null,
                          null,
                          null,
                          null,
                          from,
                          null,
                          SearchQuery.Sort.DATE,
                          1,
                          50,
                          null,
                          true))
                  .items()
                  .get(0)
                  .publishedOn())
          .isEqualTo(all.get(39).publishedOn());
    }
  }

  @Test
  void reopensWhatItWrote() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      index.put(doc(2, "水污染防治", "正文"));
    }
    try (LuceneSearchIndex index = new LuceneSearchIndex(dir, SearchTuning.DEFAULT)) {
      assertThat(index.search(SearchQuery.of("污染")).total()).isEqualTo(1);
      assertThat(index.indexedEditions()).containsEntry(2L, 2L);
    }
  }

  @Test
  void traditionalCharactersFindSimplifiedText() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      index.put(doc(3, "关于优化营商环境的实施意见", "进一步优化营商环境，激发市场主体活力"));
      assertThat(index.search(SearchQuery.of("營商環境")).total()).isEqualTo(1);
      assertThat(index.search(SearchQuery.of("\"激發市場主體\"")).total()).isEqualTo(1);
      assertThat(index.search(SearchQuery.of("營商環境")).items().get(0).titleHighlight())
          .contains("<mark>");
    }
  }

  @Test
  void theAgencysNameIsNotTheDocumentsText() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      index.put(doc(4, "关于安全生产检查的通知", "开展安全生产检查"));
      index.put(doc(5, "市政府常务会议纪要", "研究部署重点工作"));
      assertThat(index.search(SearchQuery.of("市政府")).items())
          .extracting(h -> h.id())
          .as("the agency 市政府 published both; only one says it")
          .containsExactly(5L);
    }
  }

  @Test
  void aPageBeyondTheFirstAndADateSortAgreeWithTheTotal() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      for (int i = 10; i < 40; i++) {
        index.putWithoutCommit(doc(i, "第" + i + "号通知", "安全生产"));
      }
      index.commit();
      var byDate =
          index.search(
              new SearchQuery(
                  "安全生产",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  SearchQuery.Sort.DATE,
                  2,
                  10,
                  null,
                  true));
      assertThat(byDate.total()).isEqualTo(30);
      assertThat(byDate.items()).hasSize(10);
      assertThat(byDate.facets().get(DocumentMapper.YEAR))
          .extracting(f -> f.count())
          .containsExactly(30L);
      assertThat(byDate.facetsApproximate()).isFalse();
    }
  }
}
