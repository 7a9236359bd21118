package org.gongkai.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.shared.web.PageResult;

/**
 * One search on one searcher: the best candidates by the cheap query, ranked again by the full
 * signals; the total and the facets, exact up to {@link MatchCounting#EXACT_UP_TO} and estimated
 * above; the page's hits with their highlights. Nothing matching every word falls back to the
 * documents with most of each word's bigrams, and the result says so.
 */
final class QueryExecution {

  private static final int MAX_WINDOW = PageResult.MAX_DEPTH + 1;

  /**
   * Below this many matches the top hits are collected exhaustively, and counted and faceted from
   * what that pass saw; above it, blocks that cannot compete are skipped and a second pass counts.
   * Raised to 10,000 it made common words and phrases a fifth slower for what it saved the rest.
   */
  private static final int EXACT_TOTAL_UP_TO = 1_000;

  /**
   * How many of the best candidates get the full ranking (smartcn title words, agency, validity,
   * recency).
   */
  private static final int RANKED_CANDIDATES = 100;

  private static final Sort BY_DATE =
      new Sort(
          new SortField(DocumentMapper.PUBLISHED_SORT, SortField.Type.LONG, true),
          new SortField(DocumentMapper.ID_SORT, SortField.Type.LONG, true));

  private final QueryFactory queries;

  QueryExecution(QueryFactory queries) {
    this.queries = queries;
  }

  SearchResult run(
      IndexSearcher searcher,
      WarmSearchers warm,
      SearchQuery q,
      Synonyms currentSynonyms,
      long started) {
    PublicQuery parsed = PublicQuery.parse(q.text());
    boolean byDate = q.sort() == SearchQuery.Sort.DATE || parsed.isEmpty();
    try {
      Query query = queries.build(parsed, q, currentSynonyms);
      Query ranking = byDate ? null : queries.buildRanking(parsed, currentSynonyms);
      SearchResult exact =
          execute(
              searcher, warm, query, ranking, q, parsed, currentSynonyms, byDate, started, false);
      if (exact.total() > 0 || q.cursor() != null) {
        return exact;
      }
      // Nothing has every word: a typo, or a question asked in a sentence. Documents with most of
      // each word's bigrams are offered instead, and the page says so.
      Query relaxed = queries.buildRelaxed(parsed, q, currentSynonyms);
      return relaxed == null
          ? exact
          : execute(
              searcher, warm, relaxed, ranking, q, parsed, currentSynonyms, byDate, started, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One search: the top hits of {@code query}, its total and its facets. A quoted phrase is counted
   * as it matches, positions checked: a reader who quotes a phrase expects the count of the phrase,
   * not of the documents that hold its bigrams anywhere (up to several times as many). Its total is
   * exact up to {@link MatchCounting#EXACT_UP_TO}, and above from slices holding as many matches of
   * the phrase itself.
   */
  private SearchResult execute(
      IndexSearcher searcher,
      WarmSearchers warm,
      Query query,
      Query ranking,
      SearchQuery q,
      PublicQuery parsed,
      Synonyms currentSynonyms,
      boolean byDate,
      long started,
      boolean relaxed)
      throws IOException {
    int size = Math.max(1, q.size());
    FieldDoc after = byDate ? Cursor.decode(q.cursor(), true) : null;
    // By relevance, a cursor names the next page: the ranking below is the same for every page.
    int page =
        byDate ? Math.max(1, q.page()) : Math.max(Math.max(1, q.page()), Cursor.page(q.cursor()));
    // one more than shown tells whether there is a next page
    int window = after != null ? size + 1 : (int) Math.min((long) page * size + 1, MAX_WINDOW);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    TopDocs top;
    FacetsCollector recorded;
    MatchCounting.Counted counted = null;
    Weight counting = null;
    if (byDate) {
      // The index is in date order: the search stops once the page is full.
      RecordedMatches.Recorded<TopFieldDocs> found =
          searcher.search(
              query,
              new RecordedMatches<>(
                  new TopFieldCollectorManager(BY_DATE, window, after, EXACT_TOTAL_UP_TO), leaves));
      top = found.result();
      recorded = found.matches();
    } else {
      // The best candidates by the cheap query, skipping blocks that cannot reach them; then the
      // ranking signals for those candidates only.
      int candidates = Math.max(window, RANKED_CANDIDATES);
      Query first = query;
      boolean newestOnly = false;
      counting = MatchCounting.countingWeight(searcher, query);
      if (NewestMatches.upperBound(searcher, counting) > MatchCounting.EXACT_UP_TO) {
        // Possibly very common: counted first, and if it is, its candidates come from its newest
        // matches.
        counted = MatchCounting.count(searcher, counting);
        if (counted.estimated()) {
          first = NewestMatches.among(searcher.getIndexReader(), query, counted);
          newestOnly = first != query;
        } else {
          // Every match is known now: ranking visits those documents only.
          first =
              new BooleanQuery.Builder()
                  .add(query, BooleanClause.Occur.MUST)
                  .add(
                      new KnownMatches(counted.matches(), leaves.size()),
                      BooleanClause.Occur.FILTER)
                  .build();
        }
      }
      RecordedMatches.Recorded<TopDocs> found =
          searcher.search(
              first,
              new RecordedMatches<>(
                  new TopScoreDocCollectorManager(candidates, null, EXACT_TOTAL_UP_TO), leaves));
      if (newestOnly && found.result().scoreDocs.length < candidates) {
        found =
            searcher.search(
                query,
                new RecordedMatches<>(
                    new TopScoreDocCollectorManager(candidates, null, EXACT_TOTAL_UP_TO), leaves));
      }
      top = found.result();
      recorded = found.matches();
      if (counted != null
          && !counted.estimated()
          && top.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
        counted = null; // the first pass saw every match: its total is exact, phrases included
      }
      if (ranking != null) {
        top = QueryRescorer.rescore(searcher, top, ranking, 1.0, candidates);
      }
      top = StableRanking.order(searcher, top);
    }
    int from = after != null ? 0 : Math.min(top.scoreDocs.length, (page - 1) * size);
    List<String> terms = QueryFactory.highlightTerms(parsed, currentSynonyms);
    List<SearchResult.Hit> hits = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    ScoreDoc last = null;
    for (int i = from; i < top.scoreDocs.length && hits.size() < size; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      hits.add(hit(stored.document(sd.doc), terms));
      last = sd;
    }
    long total;
    boolean estimated = false;
    boolean approximate = false;
    Map<String, List<SearchResult.FacetValue>> facets = Map.of();
    if (counted == null && top.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
      // Few enough that the first pass was shown every match: exact, phrases included.
      total = top.totalHits.value;
      if (q.facets()) {
        facets = FacetCounts.count(warm, searcher.getIndexReader(), recorded, 1);
      }
    } else {
      if (counted == null) {
        counted =
            MatchCounting.count(
                searcher,
                counting != null ? counting : MatchCounting.countingWeight(searcher, query));
      }
      total = counted.total();
      estimated = counted.estimated();
      approximate = estimated;
      if (q.facets()) {
        facets =
            estimated
                ? FacetCounts.estimate(
                    warm, searcher.getIndexReader(), counted.matches(), counted.scale())
                : FacetCounts.count(
                    warm, searcher.getIndexReader(), counted.matches(), counted.scale());
      }
    }
    boolean more =
        last != null
            && (top.scoreDocs.length > from + hits.size()
                || (!byDate
                    && from + hits.size() < total
                    && (long) (page + 1) * size < MAX_WINDOW));
    String next =
        !more ? null : byDate ? Cursor.encode((FieldDoc) last, true) : Cursor.forPage(page + 1);
    long took = (System.nanoTime() - started) / 1_000_000;
    return new SearchResult(
        total,
        took,
        hits,
        facets,
        next,
        after != null ? 0 : page,
        size,
        approximate,
        relaxed,
        estimated);
  }

  private static SearchResult.Hit hit(Document d, List<String> terms) {
    long id = Long.parseLong(d.get(DocumentMapper.ID));
    String title = d.get(DocumentMapper.STORED_TITLE);
    String published = d.get(DocumentMapper.STORED_PUBLISHED);
    return new SearchResult.Hit(
        id,
        title,
        Snippets.highlight(title, terms),
        Snippets.snippet(
            d.get(DocumentMapper.STORED_BODY), d.get(DocumentMapper.STORED_SUMMARY), terms),
        d.get(DocumentMapper.STORED_INDEX_NUMBER),
        d.get(DocumentMapper.STORED_DOC_NUMBER),
        d.get(DocumentMapper.AGENCY),
        d.get(DocumentMapper.STORED_AGENCY_NAME),
        Long.parseLong(d.get(DocumentMapper.COLUMN)),
        d.get(DocumentMapper.STORED_COLUMN_NAME),
        published == null ? null : LocalDate.parse(published),
        "/documents/" + id);
  }
}
