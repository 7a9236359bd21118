package org.gongkai.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.IndexableDocument;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live, proactively disclosed editions as the search index reads them: one, a batch, or the
 * walk of a full rebuild, each with its attachments.
 */
@Component
@Transactional(readOnly = true)
class IndexableEditions {

  private final JdbcClient jdbc;
  private final EditionRepository editions;

  IndexableEditions(JdbcClient jdbc, EditionRepository editions) {
    this.jdbc = jdbc;
    this.editions = editions;
  }

  Optional<IndexableDocument> indexable(long documentId) {
    return editions
        .liveEdition(documentId)
        .filter(e -> e.disclosureMode() == DisclosureMode.PROACTIVE)
        .flatMap(e -> editions.document(documentId).map(d -> indexable(d, e)));
  }

  Catalog.IndexableBatch indexableAfter(long afterId, int limit) {
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
      return new Catalog.IndexableBatch(List.of(), afterId, true);
    }
    long last = keys.get(keys.size() - 1).id();
    List<Long> batch =
        keys.stream()
            .filter(k -> k.state().equals("PUBLISHED") && k.mode().equals("PROACTIVE"))
            .map(Key::id)
            .toList();
    if (batch.isEmpty()) {
      return new Catalog.IndexableBatch(List.of(), last, false);
    }
    return new Catalog.IndexableBatch(indexableWhere("e.id IN (:ids)", batch), last, false);
  }

  List<IndexableDocument> indexable(Collection<Long> documentIds) {
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

  List<IndexableDocument> indexableEditions(Collection<Long> editionIds) {
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
                      attachments -> indexable(e, indexNumber, agencyId, publishedOn, attachments));
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

  Map<Long, Long> liveEditions() {
    Map<Long, Long> result = new HashMap<>();
    // The edition alone says whether a document is live: no join with the document.
    jdbc.sql(
            "SELECT document_id, id FROM edition WHERE state = 'PUBLISHED'"
                + " AND disclosure_mode = 'PROACTIVE'")
        .query((RowCallbackHandler) rs -> result.put(rs.getLong(1), rs.getLong(2)));
    return result;
  }

  long liveCount() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM edition WHERE state = 'PUBLISHED' AND disclosure_mode = 'PROACTIVE'")
        .query(Long.class)
        .single();
  }

  private static IndexableDocument indexable(EditionRepository.DocumentRow d, Edition e) {
    return indexable(e, d.indexNumber(), d.agencyId(), d.publishedOn(), e.attachments());
  }

  private static IndexableDocument indexable(
      Edition e,
      String indexNumber,
      long agencyId,
      LocalDate publishedOn,
      List<Attachment> attachments) {
    return new IndexableDocument(
        e.documentId(),
        e.id(),
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
        attachments);
  }
}
