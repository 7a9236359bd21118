package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quoted phrase's total is the count of the phrase, not of the documents that hold its bigrams
 * somewhere. 24,000 documents over four years: 300 say 加强组织领导 and 20,000 hold its five bigrams
 * apart (组织领导, 加强管理, 强组合); 14,000 say 压实工作责任 and the other 10,000 hold its bigrams apart. Counted
 * on bigrams the first phrase had about 20,300 matches and the second 24,000.
 */
class PhraseTotalsTests {

  private static final int DOCS = 24_000;
  private static final int RARE = 300;
  private static final int RARE_APART = 20_000;
  private static final int COMMON = 14_000;

  @TempDir static Path dir;
  private static LuceneSearchIndex index;

  /** How many documents hold the rare phrase, its bigrams apart, and the common phrase. */
  private static final int[] written = new int[3];

  @BeforeAll
  static void index() throws Exception {
    index = LuceneSearchIndex.createEmpty(dir, new SearchTuning(1, 0, 0));
    List<IndexedDocument> docs = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      StringBuilder body = new StringBuilder("各部门要");
      // every 80th document has the rare phrase, the first 20,000 of the others its bigrams apart
      if (i % 80 == 0) {
        body.append("加强组织领导，");
        written[0]++;
      } else if (written[1] < RARE_APART) {
        body.append("强组合组织领导工作，加强管理，");
        written[1]++;
      } else {
        body.append("按时报送，");
      }
      if (i % 12 < 7) {
        body.append("压实工作责任。");
        written[2]++;
      } else {
        body.append("责任压实，落实工程，工作作责。");
      }
      docs.add(doc(i + 1, body.toString()));
    }
    index.replaceAll(docs, () -> {});
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void theCorpusHoldsEachPhrasesBigramsInFarMoreDocumentsThanThePhrase() {
    assertThat(written).containsExactly(RARE, RARE_APART, COMMON);
    SearchResult words = index.search(SearchQuery.of("加强组织领导"));
    assertThat(words.total())
        .as("the words unquoted: every document with the five bigrams")
        .isCloseTo(RARE + RARE_APART, within((long) ((RARE + RARE_APART) * 0.1)));
  }

  @Test
  void aRarePhraseIsCountedExactlyFacetsIncluded() {
    SearchResult r = index.search(SearchQuery.of("\"加强组织领导\""));
    assertThat(r.total()).isEqualTo(RARE);
    assertThat(r.totalEstimated()).isFalse();
    assertThat(r.facetsApproximate()).isFalse();
    assertThat(r.facets().get(DocumentMapper.YEAR).stream().mapToLong(v -> v.count()).sum())
        .isEqualTo(RARE);
    assertThat(r.items()).allMatch(h -> h.snippet().contains("<mark>加强组织领导</mark>"));
  }

  @Test
  void aCommonPhraseIsEstimatedWithinTenPercentOfItsCount() {
    SearchResult r = index.search(SearchQuery.of("\"压实工作责任\""));
    assertThat(r.totalEstimated()).isTrue();
    assertThat(r.total()).isCloseTo(COMMON, within((long) (COMMON * 0.1)));
    assertThat(r.facets().get(DocumentMapper.YEAR).stream().mapToLong(v -> v.count()).sum())
        .isCloseTo(COMMON, within((long) (COMMON * 0.1)));
  }

  @Test
  void aPhraseWithAFilterIsCountedAsItMatchesThere() {
    LocalDate from = LocalDate.of(2023, 1, 1);
    LocalDate to = LocalDate.of(2023, 12, 31);
    SearchQuery q =
        new SearchQuery(
            "\"加强组织领导\"",
            null,
            null,
            null,
            null,
            from,
            to,
            SearchQuery.Sort.RELEVANCE,
            1,
            10,
            null,
            true);
    assertThat(index.search(q).total()).isEqualTo(RARE / 4);
  }

  private static IndexedDocument doc(long id, String body) {
    LocalDate day = LocalDate.of(2022 + (int) ((id - 1) * 4 / DOCS), 1, 1).plusDays(id % 300);
    return new IndexedDocument(
        id,
        id,
        "000014349/2024-" + id,
        "通知" + id,
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
        day,
        day,
        "");
  }
}
