package org.gongkai.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.IndexableDocument;
import org.gongkai.search.IndexedDocument;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds what the index holds from what the catalog publishes: plain text, names, attachment text.
 */
@Component
class IndexedDocuments {

  private final Catalog catalog;
  private final AgencyDirectory agencies;
  private final Map<Long, Agency> agencyCache = new ConcurrentHashMap<>();
  private final Map<Long, String> columnNames = new ConcurrentHashMap<>();

  IndexedDocuments(Catalog catalog, AgencyDirectory agencies) {
    this.catalog = catalog;
    this.agencies = agencies;
  }

  /** Forgets cached names, after agencies or columns were renamed. */
  void forgetNames() {
    agencyCache.clear();
    columnNames.clear();
  }

  IndexedDocument of(IndexableDocument d) {
    Agency agency = agencyCache.computeIfAbsent(d.agencyId(), agencies::get);
    String columnName =
        columnNames.computeIfAbsent(
            d.columnId(), id -> agencies.column(id).map(Column::name).orElse(""));
    StringBuilder attachmentText = new StringBuilder();
    for (Attachment a : d.attachments()) {
      attachmentText
          .append(a.fileName())
          .append('\n')
          .append(
              AttachmentText.extract(a.mediaType(), a.fileName(), () -> catalog.openAttachment(a)))
          .append('\n');
    }
    return new IndexedDocument(
        d.id(),
        d.editionId(),
        d.indexNumber(),
        d.title(),
        d.summary(),
        plainText(d.bodyHtml()),
        d.keywords(),
        d.docNumber(),
        agency.code(),
        agency.name(),
        d.columnId(),
        columnName,
        d.topic(),
        d.genre(),
        d.validity().name(),
        d.issuedOn(),
        d.publishedOn(),
        attachmentText.toString());
  }

  static String plainText(String html) {
    if (html == null) {
      return "";
    }
    String text =
        html.replaceAll("(?i)<(br|/p|/div|/h[1-6]|/li|/tr)[^>]*>", "\n").replaceAll("<[^>]*>", "");
    return HtmlUtils.htmlUnescape(text)
        .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll("\\n\\s*\\n+", "\n")
        .strip();
  }
}
