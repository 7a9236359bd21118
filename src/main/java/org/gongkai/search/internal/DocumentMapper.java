package org.gongkai.search.internal;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.gongkai.search.IndexedDocument;

/**
 * Turns an indexed document into Lucene fields: search fields, exact fields, filters, facets, sort
 * keys.
 */
final class DocumentMapper {

  static final String ID = "id";
  static final String ID_SORT = "id_sort";
  static final String EDITION = "edition";

  /** The edition again, as a doc value: the catch-up reads every document's without its text. */
  static final String EDITION_VALUE = "edition_value";

  static final String DOC_NUMBER_EXACT = "docnum";
  static final String INDEX_NUMBER_EXACT = "indexnum";
  static final String AGENCY = "agency";
  static final String COLUMN = "column";
  static final String TOPIC = "topic";
  static final String VALIDITY = "validity";
  static final String YEAR = "year";
  static final String PUBLISHED = "published";
  static final String PUBLISHED_SORT = "published_sort";
  static final String FEATURES = "features";
  static final String RECENCY = "recency";
  static final String IN_FORCE = "in_force";
  static final String STORED_TITLE = "s_title";
  static final String STORED_BODY = "s_body";
  static final String STORED_SUMMARY = "s_summary";
  static final String STORED_INDEX_NUMBER = "s_index";
  static final String STORED_DOC_NUMBER = "s_docnum";
  static final String STORED_AGENCY_NAME = "s_agency";
  static final String STORED_COLUMN_NAME = "s_column";
  static final String STORED_PUBLISHED = "s_published";

  /** Only the beginning of a long body is kept for snippets; all of it is searchable. */
  static final int STORED_BODY_CHARS = 4000;

  static final FacetsConfig FACETS = new FacetsConfig();

  private DocumentMapper() {}

  /**
   * The parts of a document's own text that make its catch-all field, the one that decides what
   * matches, in both engines.
   */
  static String[] matchedParts(IndexedDocument d) {
    return new String[] {
      d.title(),
      d.summary(),
      d.keywords(),
      d.topic(),
      d.genre(),
      d.docNumber(),
      d.indexNumber(),
      d.bodyText(),
      d.attachmentText()
    };
  }

  static Document toLucene(IndexedDocument d) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(d.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(ID_SORT, d.id()));
    doc.add(new StoredField(EDITION, d.editionId()));
    doc.add(new NumericDocValuesField(EDITION_VALUE, d.editionId()));

    // One catch-all field of the document's own text decides what matches; the title and the
    // agency's name only add to the score.
    for (String part : matchedParts(d)) {
      text(doc, Analyzers.ALL_BIGRAM, part);
    }
    text(doc, Analyzers.TITLE_BIGRAM, d.title());
    text(doc, Analyzers.AGENCY_BIGRAM, d.agencyName());
    text(doc, Analyzers.TITLE_SMART, d.title());

    if (d.docNumber() != null && !d.docNumber().isBlank()) {
      doc.add(
          new StringField(DOC_NUMBER_EXACT, DocNumbers.normalize(d.docNumber()), Field.Store.NO));
    }
    if (d.indexNumber() != null) {
      doc.add(
          new StringField(
              INDEX_NUMBER_EXACT, DocNumbers.normalize(d.indexNumber()), Field.Store.NO));
    }
    doc.add(new StringField(AGENCY, d.agencyCode(), Field.Store.NO));
    doc.add(new StringField(COLUMN, Long.toString(d.columnId()), Field.Store.YES));
    if (d.topic() != null && !d.topic().isBlank()) {
      doc.add(new StringField(TOPIC, d.topic(), Field.Store.NO));
    }
    doc.add(new StringField(VALIDITY, d.validity(), Field.Store.NO));
    long day = d.publishedOn().toEpochDay();
    doc.add(new LongPoint(PUBLISHED, day));
    doc.add(new NumericDocValuesField(PUBLISHED_SORT, day));
    // Feature values must be positive; days since 2000 grow with recency.
    doc.add(new FeatureField(FEATURES, RECENCY, Math.max(1f, day - 10_957f)));
    if ("VALID".equals(d.validity())) {
      doc.add(new FeatureField(FEATURES, IN_FORCE, 1f));
    }

    doc.add(new SortedSetDocValuesFacetField(AGENCY, d.agencyCode()));
    doc.add(new SortedSetDocValuesFacetField(COLUMN, Long.toString(d.columnId())));
    doc.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(d.publishedOn().getYear())));
    doc.add(new SortedSetDocValuesFacetField(VALIDITY, d.validity()));

    stored(doc, STORED_TITLE, d.title());
    stored(doc, STORED_SUMMARY, d.summary());
    String body = d.bodyText() == null ? "" : d.bodyText();
    stored(
        doc,
        STORED_BODY,
        body.length() > STORED_BODY_CHARS ? body.substring(0, STORED_BODY_CHARS) : body);
    stored(doc, STORED_INDEX_NUMBER, d.indexNumber());
    stored(doc, STORED_DOC_NUMBER, d.docNumber());
    stored(doc, AGENCY, d.agencyCode());
    stored(doc, STORED_AGENCY_NAME, d.agencyName());
    stored(doc, STORED_COLUMN_NAME, d.columnName());
    stored(doc, STORED_PUBLISHED, d.publishedOn().toString());
    return FACETS.build(doc);
  }

  private static void text(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new TextField(field, value, Field.Store.NO));
    }
  }

  private static void stored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }
}
