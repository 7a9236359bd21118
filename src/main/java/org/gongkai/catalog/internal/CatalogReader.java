package org.gongkai.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.ChangeRecord;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.IndexableDocument;
import org.gongkai.catalog.LinkedDocument;
import org.gongkai.catalog.PublicDocument;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Published documents for the portal, feeds, sitemap and open API. */
@Service
@Transactional(readOnly = true)
class CatalogReader implements Catalog {

  private static final String LIVE = EditionRows.LIVE;

  private final JdbcClient jdbc;
  private final EditionRepository editions;
  private final AttachmentStore attachmentStore;
  private final PublishedListing listing;
  private final IndexableEditions indexable;
  private final TaggedDocuments tagged;

  CatalogReader(
      JdbcClient jdbc,
      EditionRepository editions,
      AttachmentStore attachmentStore,
      PublishedListing listing,
      IndexableEditions indexable,
      TaggedDocuments tagged) {
    this.tagged = tagged;
    this.jdbc = jdbc;
    this.editions = editions;
    this.attachmentStore = attachmentStore;
    this.listing = listing;
    this.indexable = indexable;
  }

  @Override
  public PageResult<DocumentSummary> published(CatalogQuery q) {
    return listing.published(q);
  }

  @Override
  public PublicDocument publicDocument(long documentId) {
    EditionRepository.DocumentRow doc =
        editions.document(documentId).orElseThrow(() -> Refusal.notFound("document.not-found"));
    List<Edition> all = editions.editions(documentId);
    Optional<Edition> live =
        all.stream().filter(e -> e.state() == EditionState.PUBLISHED).findFirst();
    if (live.isEmpty()) {
      if (all.stream().anyMatch(e -> e.state() == EditionState.WITHDRAWN)) {
        throw Refusal.gone("document.withdrawn");
      }
      throw Refusal.notFound("document.not-found");
    }
    if (live.get().disclosureMode() == DisclosureMode.NOT_DISCLOSED) {
      throw Refusal.notFound("document.not-found");
    }
    List<ChangeRecord> history =
        all.stream()
            .filter(
                e ->
                    e.publishedAt() != null
                        && (e.state() == EditionState.PUBLISHED
                            || e.state() == EditionState.SUPERSEDED))
            .map(e -> new ChangeRecord(e.editionNumber(), e.publishedAt(), e.changeNote()))
            .toList();
    return new PublicDocument(
        doc.id(),
        doc.indexNumber(),
        doc.agencyId(),
        doc.publishedOn(),
        live.get(),
        linked(
            "SELECT l.interpretation_document_id FROM interpretation_link l WHERE l.policy_document_id = ?",
            documentId),
        linked(
            "SELECT l.policy_document_id FROM interpretation_link l WHERE l.interpretation_document_id = ?",
            documentId),
        history);
  }

  private List<LinkedDocument> linked(String idsQuery, long documentId) {
    return jdbc.sql(
            "SELECT e.document_id, e.title, e.doc_number, d.published_on"
                + LIVE
                + " AND e.document_id IN ("
                + idsQuery
                + ") ORDER BY d.published_on DESC")
        .param(documentId)
        .query(
            (rs, i) ->
                new LinkedDocument(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  @Override
  public List<Integer> publicationYears(long agencyId) {
    return jdbc
        .sql("SELECT DISTINCT d.published_on" + LIVE + " AND d.agency_id = ?")
        .param(agencyId)
        .query((rs, i) -> rs.getObject(1, LocalDate.class).getYear())
        .list()
        .stream()
        .distinct()
        .sorted(Comparator.reverseOrder())
        .toList();
  }

  @Override
  public void sitemap(long fromId, long toId, Consumer<SitemapEntry> entry) {
    jdbc.sql(
            "SELECT e.document_id, d.agency_id, e.published_at"
                + LIVE
                + " AND e.document_id >= ? AND e.document_id < ?"
                + " ORDER BY e.document_id")
        .params(fromId, toId)
        .query(
            rs -> {
              entry.accept(
                  new SitemapEntry(
                      rs.getLong(1),
                      rs.getLong(2),
                      Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class))));
            });
  }

  @Override
  public long lastPublishedDocumentId() {
    return jdbc.sql("SELECT COALESCE(MAX(e.document_id), 0)" + LIVE).query(Long.class).single();
  }

  @Override
  public Optional<IndexableDocument> indexable(long documentId) {
    return indexable.indexable(documentId);
  }

  @Override
  public IndexableBatch indexableAfter(long afterId, int limit) {
    return indexable.indexableAfter(afterId, limit);
  }

  @Override
  public List<IndexableDocument> indexable(Collection<Long> documentIds) {
    return indexable.indexable(documentIds);
  }

  @Override
  public List<IndexableDocument> indexableEditions(Collection<Long> editionIds) {
    return indexable.indexableEditions(editionIds);
  }

  @Override
  public Map<Long, Long> liveEditions() {
    return indexable.liveEditions();
  }

  @Override
  public long liveCount() {
    return indexable.liveCount();
  }

  @Override
  public List<Long> liveDocumentsOf(long agencyId) {
    return jdbc.sql(
            "SELECT e.document_id"
                + LIVE
                + " AND e.disclosure_mode = 'PROACTIVE' AND d.agency_id = ? ORDER BY e.document_id")
        .param(agencyId)
        .query(Long.class)
        .list();
  }

  @Override
  public List<Long> liveDocumentsIn(long columnId) {
    return jdbc.sql(
            "SELECT e.document_id"
                + LIVE
                + " AND e.disclosure_mode = 'PROACTIVE' AND e.column_id = ? ORDER BY e.document_id")
        .param(columnId)
        .query(Long.class)
        .list();
  }

  @Override
  public Set<Long> publishedAmong(Collection<Long> documentIds) {
    if (documentIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "SELECT DISTINCT document_id FROM edition WHERE state = 'PUBLISHED'"
                    + " AND document_id IN (:ids)")
            .param("ids", documentIds)
            .query(Long.class)
            .list());
  }

  @Override
  public List<Long> publishedTagged(Collection<String> tags, int limit) {
    return tagged.publishedTagged(tags, limit);
  }

  @Override
  public List<LinkedDocument> interpretationsOf(Collection<Long> policyIds) {
    return tagged.interpretationsOf(policyIds);
  }

  @Override
  public InputStream openAttachment(Attachment attachment) throws IOException {
    return attachmentStore.open(attachment.sha256());
  }

  @Override
  public Optional<AttachmentDownload> publicAttachment(long documentId, long attachmentId) {
    return editions
        .liveEdition(documentId)
        .filter(e -> e.disclosureMode() == DisclosureMode.PROACTIVE)
        .flatMap(e -> e.attachments().stream().filter(a -> a.id() == attachmentId).findFirst())
        .filter(a -> attachmentStore.exists(a.sha256()))
        .map(a -> new AttachmentDownload(a, () -> attachmentStore.open(a.sha256())));
  }
}
