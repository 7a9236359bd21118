package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.gongkai.search.SearchQuery;

/**
 * Builds the Lucene query for a public query. Every clause must match somewhere in the bigram
 * fields (title counts most); then the title's smartcn terms, the exact document or index number,
 * being in force and being recent add to the score without deciding what matches.
 */
final class QueryFactory {

  private static final Map<String, Float> FIELDS = Map.of(
      Analyzers.TITLE_BIGRAM, 6f,
      Analyzers.DOC_NUMBER_BIGRAM, 4f,
      Analyzers.KEYWORDS_BIGRAM, 2f,
      Analyzers.SUMMARY_BIGRAM, 1.5f,
      Analyzers.AGENCY_BIGRAM, 1f,
      Analyzers.BODY_BIGRAM, 1f,
      Analyzers.ATTACHMENT_BIGRAM, 0.5f);

  private final QueryBuilder bigrams = new QueryBuilder(Analyzers.bigram());
  private final QueryBuilder smart;

  QueryFactory(Analyzer smartAnalyzer) {
    this.smart = new QueryBuilder(smartAnalyzer);
  }

  /** The terms to mark in titles and snippets: the clauses that must match, and their synonyms. */
  static List<String> highlightTerms(PublicQuery parsed, Synonyms synonyms) {
    Set<String> terms = new LinkedHashSet<>();
    for (PublicQuery.Clause c : parsed.clauses()) {
      if (!c.excluded()) {
        terms.addAll(synonyms.alternatives(c.text()));
      }
    }
    return new ArrayList<>(terms);
  }

  Query build(PublicQuery parsed, SearchQuery filters, Synonyms synonyms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean anyRequired = false;
    for (PublicQuery.Clause clause : parsed.clauses()) {
      Query match = clauseQuery(clause, synonyms);
      if (match == null) {
        continue;
      }
      query.add(match, clause.excluded() ? Occur.MUST_NOT : Occur.MUST);
      anyRequired |= !clause.excluded();
    }
    if (!anyRequired) {
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    } else {
      String exact = DocNumbers.normalize(parsed.raw());
      query.add(new BoostQuery(new TermQuery(new Term(DocumentMapper.DOC_NUMBER_EXACT, exact)), 50f), Occur.SHOULD);
      query.add(new BoostQuery(new TermQuery(new Term(DocumentMapper.INDEX_NUMBER_EXACT, exact)), 50f), Occur.SHOULD);
      Query title = smart.createBooleanQuery(Analyzers.TITLE_SMART, parsed.raw(), Occur.SHOULD);
      if (title != null) {
        query.add(new BoostQuery(title, 0.5f), Occur.SHOULD);
      }
      query.add(FeatureField.newSaturationQuery(DocumentMapper.FEATURES, DocumentMapper.IN_FORCE, 0.6f, 1f),
          Occur.SHOULD);
      query.add(FeatureField.newSaturationQuery(DocumentMapper.FEATURES, DocumentMapper.RECENCY, 0.6f, 7000f),
          Occur.SHOULD);
    }
    addFilters(query, filters);
    return query.build();
  }

  private Query clauseQuery(PublicQuery.Clause clause, Synonyms synonyms) {
    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
    int added = 0;
    boolean first = true;
    for (String alternative : synonyms.alternatives(clause.text())) {
      float weight = first ? 1f : 0.8f;
      first = false;
      for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
        Query phrase = bigrams.createPhraseQuery(field.getKey(), alternative);
        if (phrase != null) {
          anyField.add(new BoostQuery(phrase, field.getValue() * weight), Occur.SHOULD);
          added++;
        }
      }
      String exact = DocNumbers.normalize(alternative);
      anyField.add(new BoostQuery(new TermQuery(new Term(DocumentMapper.DOC_NUMBER_EXACT, exact)), 30f), Occur.SHOULD);
      anyField.add(new BoostQuery(new TermQuery(new Term(DocumentMapper.INDEX_NUMBER_EXACT, exact)), 30f), Occur.SHOULD);
    }
    return added == 0 ? null : anyField.build();
  }

  static void addFilters(BooleanQuery.Builder query, SearchQuery q) {
    if (q.agency() != null && !q.agency().isBlank()) {
      query.add(new TermQuery(new Term(DocumentMapper.AGENCY, q.agency())), Occur.FILTER);
    }
    if (q.column() != null) {
      query.add(new TermQuery(new Term(DocumentMapper.COLUMN, q.column().toString())), Occur.FILTER);
    }
    if (q.topic() != null && !q.topic().isBlank()) {
      query.add(new TermQuery(new Term(DocumentMapper.TOPIC, q.topic())), Occur.FILTER);
    }
    if (q.validity() != null && !q.validity().isBlank()) {
      query.add(new TermQuery(new Term(DocumentMapper.VALIDITY, q.validity())), Occur.FILTER);
    }
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
      query.add(LongPoint.newRangeQuery(DocumentMapper.PUBLISHED, from, to), Occur.FILTER);
    }
  }
}
