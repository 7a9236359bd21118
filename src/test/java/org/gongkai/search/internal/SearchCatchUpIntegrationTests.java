package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catch-up an index runs when it opens behind the database (after a migration or a restore):
 * documents written straight into the tables, more than a few batches of them, a revision and a
 * withdrawal the index never heard of are all in line afterwards, each document once.
 */
class SearchCatchUpIntegrationTests extends PlatformIntegrationTests {

  /** More than two of the catch-up's batches, the last one partly filled. */
  private static final int BEHIND = 1_234;

  @Autowired SearchService search;

  @Autowired JdbcTemplate template;

  @BeforeEach
  void ready() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search.status().phase() == IndexStatus.Phase.READY);
  }

  @Test
  void documentsLoadedBehindTheIndexAreAllFoundOnceAfterTheCatchUp() {
    Fixture f = newAgency();
    String word = rareWord();
    long revised = publish(f, word + "甲乙旧称条例");
    long withdrawn = publish(f, word + "撤回的通知");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> hits(word + "撤回的通知").total() == 1 && hits(word + "甲乙旧称条例").total() == 1);

    // Behind the index's back, as a restore or a migration leaves the tables.
    long firstId = 800_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
    loadBehind(f, word, firstId);
    jdbc.sql("UPDATE edition SET state = 'SUPERSEDED' WHERE document_id = ?")
        .param(revised)
        .update();
    insertEdition(
        firstId + BEHIND + 1, revised, 2, f.policies().id(), word + "丙丁新订办法", "<p>修订</p>");
    jdbc.sql("UPDATE edition SET state = 'WITHDRAWN' WHERE document_id = ?")
        .param(withdrawn)
        .update();
    assertThat(hits(word + "批量补录").total()).isZero();

    search.catchUp();

    assertThat(search.status().phase()).isEqualTo(IndexStatus.Phase.READY);
    SearchResult all = hits(word + "批量补录");
    assertThat(all.total()).as("each document once").isEqualTo(BEHIND);
    assertThat(all.totalEstimated()).isFalse();
    Map<Long, Long> indexed = search.index().indexedEditions();
    for (long i = 0; i < BEHIND; i++) {
      assertThat(indexed.get(firstId + i)).as("document %d", firstId + i).isEqualTo(firstId + i);
    }
    for (long i : List.of(0L, 499L, 500L, 1_000L, BEHIND - 1L)) {
      SearchResult one = hits(word + "批量补录第" + (firstId + i) + "号");
      assertThat(one.items()).extracting(SearchResult.Hit::id).contains(firstId + i);
    }
    assertThat(hits(word + "丙丁新订办法").items())
        .extracting(SearchResult.Hit::id)
        .containsExactly(revised);
    assertThat(hits(word + "甲乙旧称条例").total()).isZero();
    assertThat(hits(word + "撤回的通知").total()).isZero();
    assertThat(indexed).doesNotContainKey(withdrawn).containsEntry(revised, firstId + BEHIND + 1);

    // A second catch-up finds nothing to do and changes nothing.
    long size = search.index().size();
    search.catchUp();
    assertThat(search.index().size()).isEqualTo(size);
    assertThat(hits(word + "批量补录").total()).isEqualTo(BEHIND);
  }

  private void loadBehind(Fixture f, String word, long firstId) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Object[]> documents = new ArrayList<>();
    List<Object[]> editions = new ArrayList<>();
    for (long id = firstId; id < firstId + BEHIND; id++) {
      documents.add(
          new Object[] {
            id, f.agency().id(), f.agency().code() + "/2026-" + id, LocalDate.now(), now
          });
      editions.add(
          editionRow(
              id, id, 1, f.policies().id(), word + "批量补录第" + id + "号", "<p>补录的正文。</p>", now));
    }
    template.batchUpdate(
        "INSERT INTO document (id, agency_id, index_number, published_on, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, 'test')",
        documents);
    template.batchUpdate(EDITION, editions);
  }

  private void insertEdition(
      long id, long documentId, int number, long columnId, String title, String body) {
    template.update(
        EDITION,
        editionRow(
            id, documentId, number, columnId, title, body, OffsetDateTime.now(ZoneOffset.UTC)));
  }

  private static final String EDITION =
      "INSERT INTO edition (id, document_id, edition_number, state, lock_version, column_id, kind,"
          + " title, validity, disclosure_mode, body_html, published_at, created_at, created_by,"
          + " updated_at, updated_by) VALUES (?, ?, ?, 'PUBLISHED', 0, ?, 'GENERAL', ?, 'VALID',"
          + " 'PROACTIVE', ?, ?, ?, 'test', ?, 'test')";

  private static Object[] editionRow(
      long id,
      long documentId,
      int number,
      long columnId,
      String title,
      String body,
      OffsetDateTime now) {
    return new Object[] {id, documentId, number, columnId, title, body, now, now, now};
  }

  private SearchResult hits(String text) {
    return search.search(SearchQuery.of(text));
  }

  /** Four characters no other test writes, so that only this test's documents match. */
  private static String rareWord() {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      word.append((char) ThreadLocalRandom.current().nextInt(0x9000, 0x9400));
    }
    return word.toString();
  }
}
