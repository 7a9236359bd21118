package org.gongkai.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.search.FieldDoc;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.shared.web.PageResult;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.ScoreMode;

/**
 * One search on the cluster, with the embedded index's semantics: the best candidates by the
 * matching query, the top ones ranked again by the full signals (a rescore), the page's hits with
 * the same highlights, a cursor in the same form; the total and the facets are counted exactly.
 * Nothing matching every word falls back to the documents with most of each word's bigrams.
 */
final class OpenSearchSearch {

  private static final int MAX_WINDOW = PageResult.MAX_DEPTH + 1;
  private static final int RANKED_CANDIDATES = 100;
  private static final Map<String, Integer> FACETS = facetSizes();

  private final OpenSearchClient client;
  private final String alias;
  private final OpenSearchQueries queries = new OpenSearchQueries();

  /**
   * The same shard copies for every search of this node, so that what one search showed the next
   * one shows too, while a copy is being refreshed after a write; other nodes read other copies.
   */
  private final String preference = "node-" + UUID.randomUUID();

  OpenSearchSearch(OpenSearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  private static Map<String, Integer> facetSizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String dim : LuceneSearchIndex.FACET_DIMENSIONS) {
      sizes.put(dim, dim.equals(DocumentMapper.YEAR) ? 30 : 20);
    }
    return sizes;
  }

  SearchResult search(SearchQuery q, Synonyms synonyms, long started) {
    PublicQuery parsed = PublicQuery.parse(q.text());
    boolean byDate = q.sort() == SearchQuery.Sort.DATE || parsed.isEmpty();
    Query ranking = byDate ? null : queries.buildRanking(parsed, synonyms);
    SearchResult exact =
        execute(
            queries.build(parsed, q, synonyms),
            ranking,
            q,
            parsed,
            synonyms,
            byDate,
            started,
            false);
    if (exact.total() > 0 || q.cursor() != null) {
      return exact;
    }
    Query relaxed = queries.buildRelaxed(parsed, q, synonyms);
    return relaxed == null
        ? exact
        : execute(relaxed, ranking, q, parsed, synonyms, byDate, started, true);
  }

  /** The display fields of the best {@code n} documents for a query, for suggestions. */
  List<OpenSearchDocuments.Display> top(PublicQuery parsed, int n) {
    try {
      return client
          .search(
              s ->
                  s.index(alias)
                      .preference(preference)
                      .query(queries.build(parsed, QueryFactory.unfiltered(n), Synonyms.NONE))
                      .size(n)
                      .trackTotalHits(t -> t.enabled(false))
                      .source(c -> c.filter(f -> f.includes("display"))),
              Shown.class)
          .hits()
          .hits()
          .stream()
          .map(h -> h.source().display())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Shown(OpenSearchDocuments.Display display, Long idSort, Long published) {}

  private SearchResult execute(
      Query query,
      Query ranking,
      SearchQuery q,
      PublicQuery parsed,
      Synonyms synonyms,
      boolean byDate,
      long started,
      boolean relaxed) {
    int size = Math.max(1, q.size());
    FieldDoc after = byDate ? Cursor.decode(q.cursor(), true) : null;
    int page =
        byDate ? Math.max(1, q.page()) : Math.max(Math.max(1, q.page()), Cursor.page(q.cursor()));
    int from = after != null ? 0 : (int) Math.min((long) (page - 1) * size, MAX_WINDOW);
    int fetch = Math.max(0, Math.min(size + 1, MAX_WINDOW - from));
    SearchRequest.Builder request =
        new SearchRequest.Builder()
            .index(alias)
            .preference(preference)
            .query(query)
            .from(from)
            .size(fetch)
            .trackTotalHits(t -> t.enabled(true))
            .source(
                c ->
                    c.filter(
                        f ->
                            f.includes(
                                "display",
                                OpenSearchDocuments.ID_SORT,
                                OpenSearchDocuments.PUBLISHED)));
    if (byDate) {
      request
          .sort(o -> o.field(f -> f.field(OpenSearchDocuments.PUBLISHED).order(SortOrder.Desc)))
          .sort(o -> o.field(f -> f.field(OpenSearchDocuments.ID_SORT).order(SortOrder.Desc)));
      if (after != null) {
        request.searchAfterVals(
            FieldValue.of((Long) after.fields[0]), FieldValue.of((Long) after.fields[1]));
      }
    } else if (ranking != null) {
      int window = Math.max(RANKED_CANDIDATES, from + fetch);
      request.rescore(
          r ->
              r.windowSize(window)
                  .query(
                      rq ->
                          rq.query(ranking)
                              .queryWeight(1.0)
                              .rescoreQueryWeight(1.0)
                              .scoreMode(ScoreMode.Total)));
    }
    if (q.facets()) {
      FACETS.forEach(
          (dim, n) -> request.aggregations(dim, a -> a.terms(t -> t.field(dim).size(n))));
    }
    SearchResponse<Shown> response;
    try {
      response = client.search(request.build(), Shown.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> terms = QueryFactory.highlightTerms(parsed, synonyms);
    List<Hit<Shown>> found = response.hits().hits();
    List<SearchResult.Hit> hits = new ArrayList<>();
    Shown last = null;
    for (int i = 0; i < found.size() && hits.size() < size; i++) {
      last = found.get(i).source();
      hits.add(hit(last.display(), terms));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    boolean more =
        last != null
            && (found.size() > hits.size()
                || (!byDate
                    && from + hits.size() < total
                    && (long) (page + 1) * size < MAX_WINDOW));
    String next =
        !more
            ? null
            : byDate
                ? Cursor.encode(
                    new FieldDoc(0, Float.NaN, new Object[] {last.published(), last.idSort()}),
                    true)
                : Cursor.forPage(page + 1);
    Map<String, List<SearchResult.FacetValue>> facets =
        q.facets() ? facets(response.aggregations()) : Map.of();
    long took = (System.nanoTime() - started) / 1_000_000;
    return new SearchResult(
        total, took, hits, facets, next, after != null ? 0 : page, size, false, relaxed, false);
  }

  private static Map<String, List<SearchResult.FacetValue>> facets(
      Map<String, Aggregate> aggregations) {
    Map<String, List<SearchResult.FacetValue>> result = new LinkedHashMap<>();
    for (String dim : FACETS.keySet()) {
      List<SearchResult.FacetValue> values = new ArrayList<>();
      Aggregate aggregate = aggregations.get(dim);
      if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
          values.add(new SearchResult.FacetValue(bucket.key(), bucket.key(), bucket.docCount()));
        }
      }
      if (dim.equals(DocumentMapper.YEAR)) {
        values.sort((a, b) -> b.key().compareTo(a.key()));
      }
      result.put(dim, values);
    }
    return result;
  }

  private static SearchResult.Hit hit(OpenSearchDocuments.Display d, List<String> terms) {
    return new SearchResult.Hit(
        d.id(),
        d.title(),
        Snippets.highlight(d.title(), terms),
        Snippets.snippet(d.body(), d.summary(), terms),
        d.indexNumber(),
        d.docNumber(),
        d.agency(),
        d.agencyName(),
        d.column(),
        d.columnName(),
        d.published() == null ? null : LocalDate.parse(d.published()),
        "/documents/" + d.id());
  }
}
