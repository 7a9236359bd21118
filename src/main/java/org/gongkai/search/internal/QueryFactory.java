package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

  /**
   * A clause must match the catch-all field (or a synonym must); matching it in the title as well
   * scores more, and being the exact document or index number most.
   */
  private Query clauseQuery(PublicQuery.Clause clause, Synonyms synonyms) {
    BooleanQuery.Builder anyAlternative = new BooleanQuery.Builder();
    int added = 0;
    boolean first = true;
    for (String alternative : synonyms.alternatives(clause.text())) {
      float weight = first ? 1f : 0.8f;
      first = false;
      Query all = bigrams.createPhraseQuery(Analyzers.ALL_BIGRAM, alternative);
      if (all == null) {
        continue;
      }
      BooleanQuery.Builder one = new BooleanQuery.Builder();
      one.add(all, Occur.MUST);
      Query title = bigrams.createPhraseQuery(Analyzers.TITLE_BIGRAM, alternative);
      if (title != null) {
        one.add(new BoostQuery(title, 3f), Occur.SHOULD);
      }
      String exact = DocNumbers.normalize(alternative);
      one.add(new BoostQuery(new TermQuery(new Term(DocumentMapper.DOC_NUMBER_EXACT, exact)), 30f), Occur.SHOULD);
      one.add(new BoostQuery(new TermQuery(new Term(DocumentMapper.INDEX_NUMBER_EXACT, exact)), 30f), Occur.SHOULD);
      anyAlternative.add(new BoostQuery(one.build(), weight), Occur.SHOULD);
      added++;
    }
    return added == 0 ? null : anyAlternative.build();
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
