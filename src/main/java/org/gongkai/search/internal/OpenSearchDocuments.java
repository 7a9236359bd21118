package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.gongkai.search.IndexedDocument;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;

/**
 * How a document is held in OpenSearch. The text fields arrive already analysed by the platform's
 * own analysers (CJK bigrams with 繁简 folding, smartcn for the title), as terms separated by spaces
 * that the cluster only splits: both engines then match exactly the same terms at the same
 * positions, and the cluster needs no analysis plugin. What results show sits in {@code display},
 * kept but not indexed; the analysed text is left out of the stored source.
 */
final class OpenSearchDocuments {

  /**
   * Raised whenever documents are held differently; an index of another schema is rebuilt, not
   * read.
   */
  static final String SCHEMA = "lucene-" + LuceneEngine.SCHEMA + "/os-1";

  static final String SCHEMA_KEY = "gongkai_schema";

  static final String ID = "id";
  static final String ID_SORT = "idSort";
  static final String EDITION = "edition";
  static final String ALL = "allBi";
  static final String TITLE = "titleBi";
  static final String AGENCY_NAME = "agencyBi";
  static final String TITLE_SMART = "titleSmart";
  static final String DOC_NUMBER = "docnum";
  static final String INDEX_NUMBER = "indexnum";
  static final String AGENCY = "agency";
  static final String COLUMN = "column";
  static final String TOPIC = "topic";
  static final String VALIDITY = "validity";
  static final String YEAR = "year";
  static final String PUBLISHED = "published";
  static final String STATIC_RANK = "staticRank";

  /**
   * The document as sent: what is searched, filtered, faceted and sorted on, and what results show.
   */
  record Source(
      long id,
      long idSort,
      long edition,
      List<String> allBi,
      String titleBi,
      String agencyBi,
      String titleSmart,
      String docnum,
      String indexnum,
      String agency,
      String column,
      String topic,
      String validity,
      String year,
      long published,
      double staticRank,
      Display display) {}

  /** What a result shows, as the embedded index stores it. */
  record Display(
      long id,
      String title,
      String summary,
      String body,
      String indexNumber,
      String docNumber,
      String agency,
      String agencyName,
      long column,
      String columnName,
      String published) {}

  private final Analyzer bigrams = Analyzers.bigram();
  private final Analyzer smart = Analyzers.smart();

  Source of(IndexedDocument d) {
    List<String> all = new ArrayList<>();
    for (String part : DocumentMapper.matchedParts(d)) {
      String terms = Tokens.joined(bigrams, Analyzers.ALL_BIGRAM, part);
      if (!terms.isEmpty()) {
        all.add(terms);
      }
    }
    String body = d.bodyText() == null ? "" : d.bodyText();
    long day = d.publishedOn().toEpochDay();
    return new Source(
        d.id(),
        d.id(),
        d.editionId(),
        all,
        Tokens.joined(bigrams, Analyzers.TITLE_BIGRAM, d.title()),
        Tokens.joined(bigrams, Analyzers.AGENCY_BIGRAM, d.agencyName()),
        Tokens.joined(smart, Analyzers.TITLE_SMART, d.title()),
        d.docNumber() == null || d.docNumber().isBlank()
            ? null
            : DocNumbers.normalize(d.docNumber()),
        d.indexNumber() == null ? null : DocNumbers.normalize(d.indexNumber()),
        d.agencyCode(),
        Long.toString(d.columnId()),
        d.topic() == null || d.topic().isBlank() ? null : d.topic(),
        d.validity(),
        Integer.toString(d.publishedOn().getYear()),
        day,
        staticRank(day, d.validity()),
        new Display(
            d.id(),
            d.title(),
            d.summary(),
            body.length() > DocumentMapper.STORED_BODY_CHARS
                ? body.substring(0, DocumentMapper.STORED_BODY_CHARS)
                : body,
            d.indexNumber(),
            d.docNumber(),
            d.agencyCode(),
            d.agencyName(),
            d.columnId(),
            d.columnName(),
            d.publishedOn().toString()));
  }

  /**
   * Being recent and being in force, as the embedded index scores them (saturation of days since
   * 2000 at 7,000 and of validity at 1, each weighing 0.6), worked out once at indexing time.
   */
  static double staticRank(long epochDay, String validity) {
    double recency = Math.max(1.0, epochDay - 10_957.0);
    double rank = 0.6 * recency / (recency + 7_000.0);
    return "VALID".equals(validity) ? rank + 0.3 : rank;
  }

  static TypeMapping mapping() {
    return TypeMapping.of(
        m ->
            m.meta(SCHEMA_KEY, JsonData.of(SCHEMA))
                .source(s -> s.excludes(ALL, TITLE, AGENCY_NAME, TITLE_SMART))
                .dynamic(DynamicMapping.Strict)
                .properties(ID, keyword())
                .properties(ID_SORT, Property.of(p -> p.long_(l -> l)))
                .properties(EDITION, Property.of(p -> p.long_(l -> l.index(false))))
                // A gap between the values of a field, so that a phrase never spans the title and
                // the body.
                .properties(
                    ALL,
                    Property.of(
                        p -> p.text(t -> t.analyzer("whitespace").positionIncrementGap(100))))
                .properties(TITLE, Property.of(p -> p.text(t -> t.analyzer("whitespace"))))
                .properties(AGENCY_NAME, Property.of(p -> p.text(t -> t.analyzer("whitespace"))))
                .properties(TITLE_SMART, Property.of(p -> p.text(t -> t.analyzer("whitespace"))))
                .properties(DOC_NUMBER, keyword())
                .properties(INDEX_NUMBER, keyword())
                .properties(AGENCY, keyword())
                .properties(COLUMN, keyword())
                .properties(TOPIC, keyword())
                .properties(VALIDITY, keyword())
                .properties(YEAR, keyword())
                .properties(PUBLISHED, Property.of(p -> p.long_(l -> l)))
                .properties(STATIC_RANK, Property.of(p -> p.double_(l -> l)))
                .properties("display", Property.of(p -> p.object(o -> o.enabled(false)))));
  }

  private static Property keyword() {
    return Property.of(p -> p.keyword(k -> k));
  }
}
