package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 40,000 documents over four years, stored year after year as the index stores them: every third
 * one is "rare"-free and "common" (about 26,700 matches, estimated), every 50th "rare" (800,
 * counted exactly), and "common" documents grow in number from year to year.
 */
class MatchCountingTests {

  private static final int DOCS = 40_000;
  private static final Map<String, Integer> COMMON_PER_YEAR = new HashMap<>();
  private static Directory directory;
  private static DirectoryReader reader;
  private static FacetsConfig config = new FacetsConfig();

  @BeforeAll
  static void index() throws Exception {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(7_000))) {
      for (int i = 0; i < DOCS; i++) {
        String year = Integer.toString(2022 + i / (DOCS / 4));
        Document d = new Document();
        // the later the year, the more of its documents say "common": 1/2, 5/8, 3/4, 7/8
        int shareEighths = 4 + i / (DOCS / 4);
        if (i % 8 < shareEighths) {
          d.add(new StringField("w", "common", Field.Store.NO));
          COMMON_PER_YEAR.merge(year, 1, Integer::sum);
        }
        if (i % 50 == 0) {
          d.add(new StringField("w", "rare", Field.Store.NO));
        }
        d.add(new SortedSetDocValuesFacetField("year", year));
        writer.addDocument(config.build(d));
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @Test
  void fewMatchesAreCountedExactly() throws Exception {
    MatchCounting.Counted counted =
        MatchCounting.count(new IndexSearcher(reader), new TermQuery(new Term("w", "rare")));
    assertThat(counted.total()).isEqualTo(800);
    assertThat(counted.estimated()).isFalse();
    assertThat(counted.scale()).isEqualTo(1.0);
  }

  @Test
  void manyMatchesAreEstimatedFromSlicesSpreadOverTheWholeIndex() throws Exception {
    MatchCounting.Counted counted =
        MatchCounting.count(new IndexSearcher(reader), new TermQuery(new Term("w", "common")));
    long truth = COMMON_PER_YEAR.values().stream().mapToLong(Integer::longValue).sum();
    assertThat(counted.estimated()).isTrue();
    assertThat((double) counted.total()).isCloseTo(truth, within(truth * 0.03));
    long seen = counted.matches().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    assertThat(seen)
        .as("far fewer visited than there are")
        .isBetween((long) MatchCounting.EXACT_UP_TO, truth * 3 / 4);

    FacetResult years =
        new SortedSetDocValuesFacetCounts(
                new DefaultSortedSetDocValuesReaderState(reader, config), counted.matches())
            .getTopChildren(10, "year");
    assertThat(years.labelValues).hasSize(4);
    for (LabelAndValue year : years.labelValues) {
      double estimate = year.value.longValue() * counted.scale();
      assertThat(estimate)
          .as(year.label)
          .isCloseTo(
              COMMON_PER_YEAR.get(year.label), within(COMMON_PER_YEAR.get(year.label) * 0.1));
    }
  }

  @Test
  void anEstimatesFacetsComeFromAThinnedSampleAndStayCloseToTheTruth() throws Exception {
    MatchCounting.Counted counted =
        MatchCounting.count(new IndexSearcher(reader), new TermQuery(new Term("w", "common")));
    var facets =
        FacetCounts.estimate(
            new WarmSearchers(null, 1), reader, counted.matches(), counted.scale());
    assertThat(facets.get(DocumentMapper.YEAR)).hasSize(4);
    for (var year : facets.get(DocumentMapper.YEAR)) {
      int truth = COMMON_PER_YEAR.get(year.key());
      assertThat((double) year.count()).as(year.key()).isCloseTo(truth, within(truth * 0.1));
    }
    assertThat(facets.get(DocumentMapper.AGENCY)).isEmpty();
  }
}
