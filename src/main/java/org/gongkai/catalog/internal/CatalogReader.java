package org.gongkai.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Published documents for the portal, feeds, sitemap and open API. */
@Service
@Transactional(readOnly = true)
class CatalogReader implements Catalog {

  private static final String LIVE =
      " FROM edition e JOIN document d ON d.id = e.document_id WHERE e.state = 'PUBLISHED'"
          + " AND e.disclosure_mode <> 'NOT_DISCLOSED'";

  private final JdbcClient jdbc;
  private final EditionRepository editions;
  private final AttachmentStore attachmentStore;

  CatalogReader(JdbcClient jdbc, EditionRepository editions, AttachmentStore attachmentStore) {
    this.jdbc = jdbc;
    this.editions = editions;
    this.attachmentStore = attachmentStore;
  }

  @Override
  public PageResult<DocumentSummary> published(CatalogQuery q) {
    StringBuilder where = new StringBuilder(LIVE);
    Map<String, Object> params = new HashMap<>();
    String chosen = chosen(q, params);
    boolean also = q.alsoDocumentIds() != null && !q.alsoDocumentIds().isEmpty();
    if (chosen == null && !also) {
      return new PageResult<>(List.of(), 0, q.page(), q.size());
    }
    if (also && !"".equals(chosen)) {
      params.put("also", q.alsoDocumentIds());
      where
          .append(" AND (")
          .append(chosen == null ? "" : chosen + " OR ")
          .append("d.id IN (:also))");
    } else if (chosen != null && !chosen.isEmpty()) {
      where.append(" AND ").append(chosen);
    }
    if (q.year() != null) {
      where.append(" AND d.published_on >= :from AND d.published_on < :to");
      params.put("from", LocalDate.of(q.year(), 1, 1));
      params.put("to", LocalDate.of(q.year() + 1, 1, 1));
    }
    if (q.validity() != null) {
      where.append(" AND e.validity = :validity");
      params.put("validity", q.validity().name());
    }
    if (q.titleContains() != null && !q.titleContains().isBlank()) {
      where.append(" AND LOWER(e.title) LIKE :title");
      params.put(
          "title", "%" + EditorialListing.escapeLike(q.titleContains().trim().toLowerCase()) + "%");
    }
    long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
    List<DocumentSummary> items =
        jdbc.sql(
                "SELECT "
                    + EditionRows.SUMMARY_COLUMNS
                    + where
                    + " ORDER BY d.published_on DESC, d.id DESC OFFSET "
                    + (long) (q.page() - 1) * q.size()
                    + " ROWS FETCH NEXT "
                    + q.size()
                    + " ROWS ONLY")
            .params(params)
            .query(EditionRows::summary)
            .list();
    return new PageResult<>(items, total, q.page(), q.size());
  }

  /**
   * The condition the agency and column filters make, "" for none, null when they choose nothing.
   */
  private static String chosen(CatalogQuery q, Map<String, Object> params) {
    if ((q.agencyIds() != null && q.agencyIds().isEmpty())
        || (q.columnIds() != null && q.columnIds().isEmpty())) {
      return null;
    }
    List<String> conditions = new ArrayList<>();
    if (q.agencyIds() != null) {
      conditions.add("d.agency_id IN (:agencies)");
      params.put("agencies", q.agencyIds());
    }
    if (q.columnIds() != null) {
      conditions.add("e.column_id IN (:columns)");
      params.put("columns", q.columnIds());
    }
    return conditions.isEmpty() ? "" : "(" + String.join(" AND ", conditions) + ")";
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
    return editions
        .liveEdition(documentId)
        .filter(e -> e.disclosureMode() == DisclosureMode.PROACTIVE)
        .flatMap(e -> editions.document(documentId).map(d -> indexable(d, e)));
  }

  @Override
  public IndexableBatch indexableAfter(long afterId, int limit) {
    // Keys first, walking the primary key; then the batch's rows and their attachments.
    // A full rebuild reads a million rows, so no step may sort or scan the whole table.
    // Walks the primary key alone and filters here: a state condition in the query tempts the
    // optimizer into the state index, which reads every live row for every batch.
    record Key(long id, String state, String mode) {}
    List<Key> keys =
        jdbc.sql(
                "SELECT id, state, disclosure_mode FROM edition WHERE id > ? ORDER BY id FETCH FIRST "
                    + limit
                    + " ROWS ONLY")
            .param(afterId)
            .query((rs, i) -> new Key(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .list();
    if (keys.isEmpty()) {
      return new IndexableBatch(List.of(), afterId, true);
    }
    long last = keys.get(keys.size() - 1).id();
    List<Long> batch =
        keys.stream()
            .filter(k -> k.state().equals("PUBLISHED") && k.mode().equals("PROACTIVE"))
            .map(Key::id)
            .toList();
    if (batch.isEmpty()) {
      return new IndexableBatch(List.of(), last, false);
    }
    return new IndexableBatch(indexableWhere("e.id IN (:ids)", batch), last, false);
  }

  @Override
  public List<IndexableDocument> indexable(Collection<Long> documentIds) {
    if (documentIds.isEmpty()) {
      return List.of();
    }
    // The editions' keys first, by the document index, then the live ones by primary key: as in
    // a rebuild's walk, no state condition in a query, which tempts PostgreSQL into the state
    // index (with the statistics a bulk load or a restore leaves, it read every live row for
    // every batch: 3 s a batch of 500 at 200,000 editions). A catch-up, which knows the live
    // editions already, reads them by their key alone (indexableEditions).
    List<Long> live =
        jdbc
            .sql("SELECT id, state, disclosure_mode FROM edition WHERE document_id IN (:ids)")
            .param("ids", documentIds)
            .query(
                (rs, i) ->
                    rs.getString(2).equals("PUBLISHED") && rs.getString(3).equals("PROACTIVE")
                        ? rs.getLong(1)
                        : null)
            .list()
            .stream()
            .filter(Objects::nonNull)
            .toList();
    return live.isEmpty() ? List.of() : indexableWhere("e.id IN (:ids)", live);
  }

  @Override
  public List<IndexableDocument> indexableEditions(Collection<Long> editionIds) {
    return editionIds.isEmpty() ? List.of() : indexableWhere("e.id IN (:ids)", editionIds);
  }

  /**
   * Those of the editions matching a condition on {@code :ids} that are live and proactively
   * disclosed, in edition id order, with their attachments: two statements however many they are.
   * The state is checked here, not in the query (see above).
   */
  private List<IndexableDocument> indexableWhere(String condition, Collection<Long> ids) {
    List<Map.Entry<Long, Function<List<Attachment>, IndexableDocument>>> rows =
        jdbc
            .sql(
                "SELECT e.*, d.index_number AS d_index_number, d.agency_id AS d_agency_id,"
                    + " d.published_on AS d_published_on"
                    + " FROM edition e JOIN document d ON d.id = e.document_id WHERE "
                    + condition
                    + " ORDER BY e.id")
            .param("ids", ids)
            .query(
                (rs, i) -> {
                  long editionId = rs.getLong("id");
                  String indexNumber = rs.getString("d_index_number");
                  long agencyId = rs.getLong("d_agency_id");
                  LocalDate publishedOn = rs.getObject("d_published_on", LocalDate.class);
                  Edition e = EditionRows.edition(rs, List.of());
                  if (e.state() != EditionState.PUBLISHED
                      || e.disclosureMode() != DisclosureMode.PROACTIVE) {
                    return null; // changed since its key was read
                  }
                  return Map.<Long, Function<List<Attachment>, IndexableDocument>>entry(
                      editionId,
                      attachments ->
                          new IndexableDocument(
                              e.documentId(),
                              editionId,
                              indexNumber,
                              agencyId,
                              e.columnId(),
                              e.title(),
                              e.summary(),
                              e.bodyHtml(),
                              e.keywords(),
                              e.docNumber(),
                              e.topic(),
                              e.genre(),
                              e.validity(),
                              e.issuedOn(),
                              publishedOn,
                              e.publishedAt(),
                              attachments));
                })
            .list()
            .stream()
            .filter(Objects::nonNull)
            .toList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Attachment>> attachments = new HashMap<>();
    jdbc.sql("SELECT * FROM attachment WHERE edition_id IN (:ids) ORDER BY position, id")
        .param("ids", rows.stream().map(Map.Entry::getKey).toList())
        .query(
            (RowCallbackHandler)
                rs ->
                    attachments
                        .computeIfAbsent(rs.getLong("edition_id"), k -> new ArrayList<>())
                        .add(EditionRows.attachment(rs, 0)));
    return rows.stream()
        .map(r -> r.getValue().apply(attachments.getOrDefault(r.getKey(), List.of())))
        .toList();
  }

  @Override
  public Map<Long, Long> liveEditions() {
    Map<Long, Long> result = new HashMap<>();
    // The edition alone says whether a document is live: no join with the document.
    jdbc.sql(
            "SELECT document_id, id FROM edition WHERE state = 'PUBLISHED'"
                + " AND disclosure_mode = 'PROACTIVE'")
        .query((RowCallbackHandler) rs -> result.put(rs.getLong(1), rs.getLong(2)));
    return result;
  }

  @Override
  public long liveCount() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM edition WHERE state = 'PUBLISHED' AND disclosure_mode = 'PROACTIVE'")
        .query(Long.class)
        .single();
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
  public InputStream openAttachment(Attachment attachment) throws IOException {
    return attachmentStore.open(attachment.sha256());
  }

  private static IndexableDocument indexable(EditionRepository.DocumentRow d, Edition e) {
    return new IndexableDocument(
        d.id(),
        e.id(),
        d.indexNumber(),
        d.agencyId(),
        e.columnId(),
        e.title(),
        e.summary(),
        e.bodyHtml(),
        e.keywords(),
        e.docNumber(),
        e.topic(),
        e.genre(),
        e.validity(),
        e.issuedOn(),
        d.publishedOn(),
        e.publishedAt(),
        e.attachments());
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
