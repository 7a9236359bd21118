package org.gongkai.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The floor the search benchmark compares with: the same texts in a plain Lucene index of one CJK
 * bigram field, BM25, the top 10 and nothing else (no facets, no totals, no highlighting).
 */
final class RawLucene implements AutoCloseable {

  private static final String TEXT = "text";
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder builder = new QueryBuilder(new CJKAnalyzer(CharArraySet.EMPTY_SET));

  private RawLucene(FSDirectory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  static RawLucene build(DataSource ds, Path folder) throws Exception {
    FSDirectory directory = FSDirectory.open(folder);
    IndexWriterConfig config = new IndexWriterConfig(new CJKAnalyzer(CharArraySet.EMPTY_SET));
    config.setRAMBufferSizeMB(64);
    try (IndexWriter writer = new IndexWriter(directory, config);
        Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.setFetchSize(1000);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT e.title, e.doc_number, e.body_html, a.code, d.published_on"
                  + " FROM edition e JOIN document d ON d.id = e.document_id JOIN agency a ON a.id = d.agency_id"
                  + " WHERE e.state = 'PUBLISHED'")) {
        while (rs.next()) {
          Document doc = new Document();
          String text =
              rs.getString(1)
                  + "\n"
                  + rs.getString(2)
                  + "\n"
                  + rs.getString(3).replaceAll("<[^>]+>", "");
          doc.add(new TextField(TEXT, text, Field.Store.NO));
          doc.add(new StringField("agency", rs.getString(4), Field.Store.NO));
          doc.add(new IntPoint("year", rs.getDate(5).toLocalDate().getYear()));
          writer.addDocument(doc);
        }
      }
      writer.forceMerge(8);
      writer.commit();
    }
    return new RawLucene(directory);
  }

  void search(SearchBenchmark.Query q) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String part : q.text().split(" ")) {
      if (part.isBlank()) {
        continue;
      }
      Query clause =
          part.startsWith("\"")
              ? builder.createPhraseQuery(TEXT, part.replace("\"", ""))
              : builder.createBooleanQuery(TEXT, part, Occur.MUST);
      if (clause != null) {
        query.add(clause, Occur.MUST);
      }
    }
    if (q.agency() != null) {
      query.add(new TermQuery(new Term("agency", q.agency())), Occur.FILTER);
      query.add(IntPoint.newExactQuery("year", q.year()), Occur.FILTER);
    }
    searcher.search(query.build(), 10);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
