package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.support.OpenSearchTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judged set of queries over a fixed corpus (src/test/resources/search): each query with the
 * documents a person would want. Fails when precision at 5 or the mean reciprocal rank falls below
 * the recorded baseline, so that a ranking change that makes search worse is noticed.
 */
class RelevanceTests {

  @TempDir Path dir;

  @Test
  void rankingDoesNotFallBelowTheRecordedBaseline() throws IOException {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT)) {
      assertRankingHolds(index);
    }
  }

  @Test
  void openSearchRanksAsWell() throws IOException {
    OpenSearchEngine engine =
        new OpenSearchEngine(
            new SearchProperties.OpenSearch(
                List.of(OpenSearchTestCluster.shared().hosts().split(",")),
                null,
                null,
                "relevance",
                1,
                1,
                null));
    try (EngineIndex index = engine.createEmpty()) {
      assertRankingHolds(index);
    }
  }

  private void assertRankingHolds(EngineIndex index) throws IOException {
    List<Map<String, Object>> corpus = JsonPath.parse(resource("corpus.json")).read("$");
    List<Map<String, Object>> judgements = JsonPath.parse(resource("judgements.json")).read("$");
    assertThat(judgements).hasSizeGreaterThanOrEqualTo(150);
    double precisionSum = 0;
    double reciprocalRankSum = 0;
    StringBuilder misses = new StringBuilder();
    {
      for (Map<String, Object> d : corpus) {
        index.putWithoutCommit(document(d));
      }
      index.commit();
      for (Map<String, Object> j : judgements) {
        String q = (String) j.get("q");
        List<Integer> relevant = (List<Integer>) j.get("relevant");
        SearchResult result =
            index.search(
                new SearchQuery(
                    q,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    SearchQuery.Sort.RELEVANCE,
                    1,
                    5,
                    null,
                    false));
        List<Long> top = result.items().stream().map(SearchResult.Hit::id).toList();
        long found = top.stream().filter(id -> relevant.contains(id.intValue())).count();
        precisionSum += found / 5.0;
        int rank = 0;
        for (int i = 0; i < top.size(); i++) {
          if (relevant.contains(top.get(i).intValue())) {
            rank = i + 1;
            break;
          }
        }
        reciprocalRankSum += rank == 0 ? 0 : 1.0 / rank;
        if (rank != 1) {
          misses
              .append(q)
              .append(" -> ")
              .append(top)
              .append(" wanted ")
              .append(relevant)
              .append('\n');
        }
      }
    }
    double precision = precisionSum / judgements.size();
    double mrr = reciprocalRankSum / judgements.size();
    Properties baseline = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/search/baseline.properties")) {
      baseline.load(in);
    }
    System.out.printf(
        "relevance: %d queries, precision@5 %.4f (baseline %s), MRR %.4f (baseline %s)%n%s",
        judgements.size(),
        precision,
        baseline.getProperty("precisionAt5"),
        mrr,
        baseline.getProperty("mrr"),
        misses);
    assertThat(precision)
        .isGreaterThanOrEqualTo(Double.parseDouble(baseline.getProperty("precisionAt5")) - 1e-9);
    assertThat(mrr).isGreaterThanOrEqualTo(Double.parseDouble(baseline.getProperty("mrr")) - 1e-9);
  }

  private static IndexedDocument document(Map<String, Object> d) {
    LocalDate published = LocalDate.parse((String) d.get("publishedOn"));
    return new IndexedDocument(
        ((Integer) d.get("id")).longValue(),
        ((Integer) d.get("id")).longValue(),
        (String) d.get("indexNumber"),
        (String) d.get("title"),
        (String) d.get("summary"),
        (String) d.get("body"),
        (String) d.get("keywords"),
        (String) d.get("docNumber"),
        (String) d.get("agency"),
        (String) d.get("agencyName"),
        ((Integer) d.get("column")).longValue(),
        "栏目",
        null,
        null,
        (String) d.get("validity"),
        published,
        published,
        "");
  }

  private String resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/search/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
