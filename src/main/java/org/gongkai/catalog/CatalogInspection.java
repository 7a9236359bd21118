package org.gongkai.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** What the compliance monitor inspects in an agency's published catalog. */
public interface CatalogInspection {

  /** Per column: live documents and the newest first-publication date (null when empty). */
  List<ColumnActivity> columnActivity(long agencyId);

  /** Hands the agency's live documents one at a time to the check, which builds no list of them. */
  void forEachLiveDocument(long agencyId, Consumer<InspectedDocument> check);

  /** Whether a document is live on the portal. */
  boolean isLive(long documentId);

  /**
   * The agency's live documents in which the nightly sweep found personal data or a secrecy mark
   * that nobody justified.
   */
  List<ScreenedDocument> withPersonalData(long agencyId);

  record ColumnActivity(long columnId, long documents, LocalDate lastPublishedOn) {}

  /** A live document's findings: how many, and where each is with a masked excerpt. */
  record ScreenedDocument(long documentId, String title, int findings, String excerpts) {}

  /** A live document; {@code proactive} when disclosed proactively (主动公开), not on request. */
  record InspectedDocument(
      long id,
      long columnId,
      String title,
      DocumentKind kind,
      LocalDate issuedOn,
      LocalDate publishedOn,
      String bodyHtml,
      boolean hasInterpretation,
      List<String> missingAttachments,
      boolean proactive) {}
}
