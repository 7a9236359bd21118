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
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.gongkai.search.SearchQuery;

/**
 * Builds the Lucene queries for a public query. Every clause must match somewhere in the document's
 * own text (title counts most, the exact document or index number most of all); then, for the top
 * candidates only, the title's smartcn terms, the agency's name, being in force and being recent
 * add to the score without deciding what matches. An agency's or column's name is not the
 * document's text: it filters and ranks, it does not make every document of the agency match a word
 * of its name.
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
        for (String alternative : synonyms.alternatives(c.text())) {
          terms.add(alternative);
          terms.add(simplified(alternative));
        }
      }
    }
    return new ArrayList<>(terms);
  }

  private static String simplified(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = SimplifiedChineseFilter.simplified(chars[i]);
    }
    return new String(chars);
  }

  /**
   * What decides the matches and ranks the candidates: each clause in the document's text (the
   * title and the exact document or index number scoring more). Cheap to score, so that the search
   * can skip blocks of documents that cannot reach the top.
   */
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
      query.add(
          new BoostQuery(new TermQuery(new Term(DocumentMapper.DOC_NUMBER_EXACT, exact)), 50f),
          Occur.SHOULD);
      query.add(
          new BoostQuery(new TermQuery(new Term(DocumentMapper.INDEX_NUMBER_EXACT, exact)), 50f),
          Occur.SHOULD);
    }
    addFilters(query, filters);
    return query.build();
  }

  /**
   * What adds to the score of the top candidates only: the title's smartcn words, the agency's
   * name, being in force and being recent. Null for a query without words (sorted by date).
   */
  /** The query for suggestions: the words alone, without filters or synonyms, by relevance. */
  Query buildSuggesting(PublicQuery parsed, int size) {
    return build(parsed, unfiltered(size), Synonyms.NONE);
  }

  /** No filters, by relevance, the first {@code size} matches: what a suggestion looks up. */
  static SearchQuery unfiltered(int size) {
    return new SearchQuery(
        null, null, null, null, null, null, null, SearchQuery.Sort.RELEVANCE, 1, size, null, false);
  }

  Query buildRanking(PublicQuery parsed, Synonyms synonyms) {
    if (parsed.clauses().stream().allMatch(PublicQuery.Clause::excluded)) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    Query title = smart.createBooleanQuery(Analyzers.TITLE_SMART, parsed.raw(), Occur.SHOULD);
    if (title != null) {
      query.add(new BoostQuery(title, 0.5f), Occur.SHOULD);
    }
    for (PublicQuery.Clause clause : parsed.clauses()) {
      if (!clause.excluded()) {
        for (String alternative : synonyms.alternatives(clause.text())) {
          Query agencyName = bigrams.createPhraseQuery(Analyzers.AGENCY_BIGRAM, alternative);
          if (agencyName != null) {
            query.add(new BoostQuery(agencyName, 0.5f), Occur.SHOULD);
          }
        }
      }
    }
    query.add(
        FeatureField.newSaturationQuery(DocumentMapper.FEATURES, DocumentMapper.IN_FORCE, 0.6f, 1f),
        Occur.SHOULD);
    query.add(
        FeatureField.newSaturationQuery(
            DocumentMapper.FEATURES, DocumentMapper.RECENCY, 0.6f, 7000f),
        Occur.SHOULD);
    return query.build();
  }

  /**
   * The same query with each word relaxed to at least half of its bigrams (two at the least), for
   * when nothing matches every word; null when there is nothing to relax (quoted phrases only, or
   * words of one bigram).
   */
  Query buildRelaxed(PublicQuery parsed, SearchQuery filters, Synonyms synonyms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean relaxedAny = false;
    for (PublicQuery.Clause clause : parsed.clauses()) {
      if (clause.excluded() || clause.phrase()) {
        Query exact = clauseQuery(clause, synonyms);
        if (exact != null) {
          query.add(exact, clause.excluded() ? Occur.MUST_NOT : Occur.MUST);
        }
        continue;
      }
      Query words = bigrams.createBooleanQuery(Analyzers.ALL_BIGRAM, clause.text(), Occur.SHOULD);
      if (words instanceof BooleanQuery bq && bq.clauses().size() > 2) {
        int needed = Math.max(2, (bq.clauses().size() + 1) / 2);
        BooleanQuery.Builder most = new BooleanQuery.Builder().setMinimumNumberShouldMatch(needed);
        bq.clauses().forEach(most::add);
        BooleanQuery.Builder one = new BooleanQuery.Builder();
        one.add(most.build(), Occur.MUST);
        Query title =
            bigrams.createBooleanQuery(Analyzers.TITLE_BIGRAM, clause.text(), Occur.SHOULD);
        if (title != null) {
          one.add(new BoostQuery(title, 3f), Occur.SHOULD);
        }
        query.add(one.build(), Occur.MUST);
        relaxedAny = true;
      } else {
        Query exact = clauseQuery(clause, synonyms);
        if (exact != null) {
          query.add(exact, Occur.MUST);
        }
      }
    }
    if (!relaxedAny) {
      return null;
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
      // A quoted phrase must appear as written; a word needs all its bigrams, in any position,
      // which finds the same documents nearly always and costs no position checks per match.
      Query all =
          clause.phrase()
              ? bigrams.createPhraseQuery(Analyzers.ALL_BIGRAM, alternative)
              : bigrams.createBooleanQuery(Analyzers.ALL_BIGRAM, alternative, Occur.MUST);
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
      one.add(
          new BoostQuery(new TermQuery(new Term(DocumentMapper.DOC_NUMBER_EXACT, exact)), 30f),
          Occur.SHOULD);
      one.add(
          new BoostQuery(new TermQuery(new Term(DocumentMapper.INDEX_NUMBER_EXACT, exact)), 30f),
          Occur.SHOULD);
      anyAlternative.add(new BoostQuery(one.build(), weight), Occur.SHOULD);
      added++;
    }
    return added == 0 ? null : anyAlternative.build();
  }

  static void addFilters(BooleanQuery.Builder query, SearchQuery q) {
    if (q.agencies() != null) {
      query.add(
          new TermInSetQuery(
              DocumentMapper.AGENCY, q.agencies().stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    if (q.agency() != null && !q.agency().isBlank()) {
      query.add(new TermQuery(new Term(DocumentMapper.AGENCY, q.agency())), Occur.FILTER);
    }
    if (q.column() != null) {
      query.add(
          new TermQuery(new Term(DocumentMapper.COLUMN, q.column().toString())), Occur.FILTER);
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
      query.add(publishedBetween(from, to), Occur.FILTER);
    }
  }

  /**
   * Documents published from one day to another, inclusive (epoch days). The index is stored in
   * date order: the range is one run of documents per segment, found by binary search, instead of a
   * set built from the points of every match; the points answer for a segment not sorted so.
   */
  static Query publishedBetween(long fromDay, long toDay) {
    return new IndexSortSortedNumericDocValuesRangeQuery(
        DocumentMapper.PUBLISHED_SORT,
        fromDay,
        toDay,
        LongPoint.newRangeQuery(DocumentMapper.PUBLISHED, fromDay, toDay));
  }
}
