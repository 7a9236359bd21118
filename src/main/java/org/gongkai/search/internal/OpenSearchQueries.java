package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.gongkai.search.SearchQuery;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The queries of {@link QueryFactory} in OpenSearch's language, clause for clause and boost for
 * boost, over terms the platform's analysers make of the query: a word needs all its bigrams, a
 * quoted phrase its bigrams in a row; the title and the exact document or index number add to the
 * score; the title's smartcn words, the agency's name, validity and recency rank the top
 * candidates.
 */
final class OpenSearchQueries {

  private final Analyzer bigrams = Analyzers.bigram();
  private final Analyzer smart = Analyzers.smart();

  Query build(PublicQuery parsed, SearchQuery filters, Synonyms synonyms) {
    BoolQuery.Builder query = new BoolQuery.Builder();
    boolean anyRequired = false;
    for (PublicQuery.Clause clause : parsed.clauses()) {
      Query match = clauseQuery(clause, synonyms);
      if (match == null) {
        continue;
      }
      if (clause.excluded()) {
        query.mustNot(match);
      } else {
        query.must(match);
        anyRequired = true;
      }
    }
    if (!anyRequired) {
      query.must(Query.of(q -> q.matchAll(m -> m)));
    } else {
      String exact = DocNumbers.normalize(parsed.raw());
      query.should(
          term(OpenSearchDocuments.DOC_NUMBER, exact, 50f),
          term(OpenSearchDocuments.INDEX_NUMBER, exact, 50f));
    }
    addFilters(query, filters);
    return Query.of(q -> q.bool(query.build()));
  }

  /** What adds to the score of the top candidates; null for a query without words. */
  Query buildRanking(PublicQuery parsed, Synonyms synonyms) {
    if (parsed.clauses().stream().allMatch(PublicQuery.Clause::excluded)) {
      return null;
    }
    List<Query> signals = new ArrayList<>();
    List<String> titleWords = Tokens.of(smart, Analyzers.TITLE_SMART, parsed.raw());
    if (!titleWords.isEmpty()) {
      Query words =
          titleWords.size() == 1
              ? term(OpenSearchDocuments.TITLE_SMART, titleWords.get(0), 1f)
              : Query.of(
                  q ->
                      q.bool(
                          b ->
                              b.should(
                                  titleWords.stream()
                                      .map(w -> term(OpenSearchDocuments.TITLE_SMART, w, 1f))
                                      .toList())));
      signals.add(boosted(words, 0.5f));
    }
    for (PublicQuery.Clause clause : parsed.clauses()) {
      if (!clause.excluded()) {
        for (String alternative : synonyms.alternatives(clause.text())) {
          Query agencyName = phrase(OpenSearchDocuments.AGENCY_NAME, alternative);
          if (agencyName != null) {
            signals.add(boosted(agencyName, 0.5f));
          }
        }
      }
    }
    signals.add(
        Query.of(
            q ->
                q.functionScore(
                    f ->
                        f.query(Query.of(m -> m.matchAll(a -> a)))
                            .functions(
                                fn ->
                                    fn.fieldValueFactor(
                                        v -> v.field(OpenSearchDocuments.STATIC_RANK).missing(0.0)))
                            .boostMode(FunctionBoostMode.Replace))));
    return Query.of(q -> q.bool(b -> b.should(signals)));
  }

  /**
   * Each word relaxed to at least half of its bigrams (two at the least); null when nothing
   * relaxes.
   */
  Query buildRelaxed(PublicQuery parsed, SearchQuery filters, Synonyms synonyms) {
    BoolQuery.Builder query = new BoolQuery.Builder();
    boolean relaxedAny = false;
    for (PublicQuery.Clause clause : parsed.clauses()) {
      List<String> terms =
          clause.excluded() || clause.phrase()
              ? List.of()
              : Tokens.of(bigrams, Analyzers.ALL_BIGRAM, clause.text());
      if (terms.size() > 2) {
        int needed = Math.max(2, (terms.size() + 1) / 2);
        Query most =
            Query.of(
                q ->
                    q.bool(
                        b ->
                            b.should(
                                    terms.stream()
                                        .map(t -> term(OpenSearchDocuments.ALL, t, 1f))
                                        .toList())
                                .minimumShouldMatch(Integer.toString(needed))));
        List<String> titleTerms = Tokens.of(bigrams, Analyzers.TITLE_BIGRAM, clause.text());
        Query title =
            Query.of(
                q ->
                    q.bool(
                        b ->
                            b.should(
                                titleTerms.stream()
                                    .map(t -> term(OpenSearchDocuments.TITLE, t, 1f))
                                    .toList())));
        query.must(Query.of(q -> q.bool(b -> b.must(most).should(boosted(title, 3f)))));
        relaxedAny = true;
        continue;
      }
      Query exact = clauseQuery(clause, synonyms);
      if (exact != null) {
        if (clause.excluded()) {
          query.mustNot(exact);
        } else {
          query.must(exact);
        }
      }
    }
    if (!relaxedAny) {
      return null;
    }
    addFilters(query, filters);
    return Query.of(q -> q.bool(query.build()));
  }

  private Query clauseQuery(PublicQuery.Clause clause, Synonyms synonyms) {
    List<Query> alternatives = new ArrayList<>();
    boolean first = true;
    for (String alternative : synonyms.alternatives(clause.text())) {
      float weight = first ? 1f : 0.8f;
      first = false;
      Query all =
          clause.phrase() ? phrase(OpenSearchDocuments.ALL, alternative) : allTerms(alternative);
      if (all == null) {
        continue;
      }
      List<Query> scoring = new ArrayList<>();
      Query title = phrase(OpenSearchDocuments.TITLE, alternative);
      if (title != null) {
        scoring.add(boosted(title, 3f));
      }
      String exact = DocNumbers.normalize(alternative);
      scoring.add(term(OpenSearchDocuments.DOC_NUMBER, exact, 30f));
      scoring.add(term(OpenSearchDocuments.INDEX_NUMBER, exact, 30f));
      Query one = Query.of(q -> q.bool(b -> b.must(all).should(scoring)));
      alternatives.add(boosted(one, weight));
    }
    return alternatives.isEmpty() ? null : Query.of(q -> q.bool(b -> b.should(alternatives)));
  }

  /** Every bigram of the text anywhere in the document's text. */
  private Query allTerms(String text) {
    List<String> terms = Tokens.of(bigrams, Analyzers.ALL_BIGRAM, text);
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return term(OpenSearchDocuments.ALL, terms.get(0), 1f);
    }
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.must(
                        terms.stream().map(t -> term(OpenSearchDocuments.ALL, t, 1f)).toList())));
  }

  /** The text's bigrams one after the other in {@code field}. */
  private Query phrase(String field, String text) {
    List<String> terms = Tokens.of(bigrams, field, text);
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return term(field, terms.get(0), 1f);
    }
    return Query.of(q -> q.matchPhrase(p -> p.field(field).query(String.join(" ", terms))));
  }

  private static Query term(String field, String value, float boost) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)).boost(boost)));
  }

  /** The query's score times {@code weight}, as Lucene's BoostQuery gives it. */
  private static Query boosted(Query query, float weight) {
    return weight == 1f ? query : Query.of(q -> q.bool(b -> b.must(query).boost(weight)));
  }

  static void addFilters(BoolQuery.Builder query, SearchQuery q) {
    if (q.agencies() != null) {
      List<FieldValue> codes = q.agencies().stream().sorted().map(FieldValue::of).toList();
      query.filter(
          Query.of(
              f -> f.terms(t -> t.field(OpenSearchDocuments.AGENCY).terms(v -> v.value(codes)))));
    }
    if (q.agency() != null && !q.agency().isBlank()) {
      query.filter(term(OpenSearchDocuments.AGENCY, q.agency(), 1f));
    }
    if (q.column() != null) {
      query.filter(term(OpenSearchDocuments.COLUMN, q.column().toString(), 1f));
    }
    if (q.topic() != null && !q.topic().isBlank()) {
      query.filter(term(OpenSearchDocuments.TOPIC, q.topic(), 1f));
    }
    if (q.validity() != null && !q.validity().isBlank()) {
      query.filter(term(OpenSearchDocuments.VALIDITY, q.validity(), 1f));
    }
    if (q.from() != null || q.to() != null) {
      query.filter(
          Query.of(
              f ->
                  f.range(
                      r -> {
                        r.field(OpenSearchDocuments.PUBLISHED);
                        if (q.from() != null) {
                          r.gte(JsonData.of(q.from().toEpochDay()));
                        }
                        if (q.to() != null) {
                          r.lte(JsonData.of(q.to().toEpochDay()));
                        }
                        return r;
                      })));
    }
  }
}
