package org.gongkai.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Edition;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole catalog in an open format, for migrating to or from another system: a ZIP with {@code
 * agencies.jsonl} (agencies and their columns), {@code documents.jsonl} (one line per document with
 * every edition, its metadata, body and attachments, and its interpretation links) and the
 * attachment files under {@code files/} by SHA-256. The schema is in docs/catalog-export.md.
 */
@Service
class CatalogExport {

  static final String FORMAT = "gongkai-catalog/1";
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final AttachmentStore files;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final JsonMapper json = JsonMapper.builder().build();

  CatalogExport(
      JdbcClient jdbc,
      AgencyDirectory agencies,
      AttachmentStore files,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.files = files;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  private record DocumentRow(
      long id,
      long agencyId,
      String indexNumber,
      LocalDate publishedOn,
      Instant createdAt,
      String createdBy) {}

  record ExportedAgency(
      String code, String name, String parentCode, List<ExportedColumn> columns) {}

  record ExportedColumn(long id, String name, String type, Long parentId, boolean hidden) {}

  record ExportedDocument(
      String format,
      long id,
      String indexNumber,
      String agency,
      LocalDate publishedOn,
      Instant createdAt,
      String createdBy,
      List<ExportedEdition> editions,
      List<Long> interpretedBy,
      List<Long> interprets) {}

  record ExportedEdition(
      int number,
      String state,
      long columnId,
      String kind,
      String title,
      String docNumber,
      LocalDate issuedOn,
      String topic,
      String genre,
      String keywords,
      String validity,
      LocalDate effectiveOn,
      LocalDate repealedOn,
      String disclosureMode,
      String source,
      String summary,
      String bodyHtml,
      String changeNote,
      Instant publishedAt,
      Instant supersededAt,
      String withdrawnReason,
      Instant withdrawnAt,
      List<ExportedAttachment> attachments) {}

  record ExportedAttachment(
      String fileName, String mediaType, long size, String sha256, String path) {}

  /**
   * Checks the actor before anything is streamed, so that a refusal is still an ordinary answer.
   */
  void authorize(Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(
        tx -> audit.record(actor.username(), "catalog.exported", "catalog", 0, FORMAT));
  }

  void write(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry("agencies.jsonl"));
    for (Agency agency : agencies.all()) {
      String parent = agency.parentId() == null ? null : agencies.get(agency.parentId()).code();
      List<ExportedColumn> columns =
          agencies.columns(agency.id()).stream()
              .map(
                  c ->
                      new ExportedColumn(
                          c.id(), c.name(), c.type().name(), c.parentId(), c.hidden()))
              .toList();
      line(zip, new ExportedAgency(agency.code(), agency.name(), parent, columns));
    }
    zip.closeEntry();

    Set<String> attachments = new LinkedHashSet<>();
    zip.putNextEntry(new ZipEntry("documents.jsonl"));
    long after = 0;
    while (true) {
      List<DocumentRow> documents =
          jdbc.sql(
                  "SELECT id, agency_id, index_number, published_on, created_at,"
                      + " created_by FROM document WHERE id > ? ORDER BY id FETCH FIRST "
                      + BATCH
                      + " ROWS ONLY")
              .param(after)
              .query(
                  (rs, n) ->
                      new DocumentRow(
                          rs.getLong("id"),
                          rs.getLong("agency_id"),
                          rs.getString("index_number"),
                          rs.getObject("published_on", LocalDate.class),
                          Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
                          rs.getString("created_by")))
              .list();
      if (documents.isEmpty()) {
        break;
      }
      List<Long> ids = documents.stream().map(DocumentRow::id).toList();
      Map<Long, List<Edition>> editions = editionsOf(ids);
      Map<Long, List<Long>> interpretedBy =
          links(ids, "policy_document_id", "interpretation_document_id");
      Map<Long, List<Long>> interprets =
          links(ids, "interpretation_document_id", "policy_document_id");
      for (DocumentRow d : documents) {
        long id = d.id();
        List<ExportedEdition> exported = new ArrayList<>();
        for (Edition e : editions.getOrDefault(id, List.of())) {
          e.attachments().forEach(a -> attachments.add(a.sha256()));
          exported.add(exported(e));
        }
        line(
            zip,
            new ExportedDocument(
                FORMAT,
                id,
                d.indexNumber(),
                agencies.get(d.agencyId()).code(),
                d.publishedOn(),
                d.createdAt(),
                d.createdBy(),
                exported,
                interpretedBy.getOrDefault(id, List.of()),
                interprets.getOrDefault(id, List.of())));
      }
      after = ids.get(ids.size() - 1);
    }
    zip.closeEntry();

    for (String sha : attachments) {
      if (!files.exists(sha)) {
        continue;
      }
      zip.putNextEntry(new ZipEntry(pathOf(sha)));
      try (InputStream in = files.open(sha)) {
        in.transferTo(zip);
      }
      zip.closeEntry();
    }
    zip.finish();
  }

  private Map<Long, List<Edition>> editionsOf(List<Long> documentIds) {
    Map<Long, List<Attachment>> attachments = new HashMap<>();
    jdbc.sql(
            "SELECT a.* FROM attachment a JOIN edition e ON e.id = a.edition_id WHERE e.document_id IN (:ids)"
                + " ORDER BY a.edition_id, a.position")
        .param("ids", documentIds)
        .query(
            (rs, n) -> {
              attachments
                  .computeIfAbsent(rs.getLong("edition_id"), k -> new ArrayList<>())
                  .add(EditionRows.attachment(rs, n));
              return null;
            })
        .list();
    Map<Long, List<Edition>> editions = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT * FROM edition WHERE document_id IN (:ids) ORDER BY document_id, edition_number")
        .param("ids", documentIds)
        .query(
            (rs, n) ->
                EditionRows.edition(rs, attachments.getOrDefault(rs.getLong("id"), List.of())))
        .list()
        .forEach(e -> editions.computeIfAbsent(e.documentId(), k -> new ArrayList<>()).add(e));
    return editions;
  }

  private Map<Long, List<Long>> links(List<Long> ids, String from, String to) {
    Map<Long, List<Long>> links = new HashMap<>();
    jdbc.sql(
            "SELECT "
                + from
                + ", "
                + to
                + " FROM interpretation_link WHERE "
                + from
                + " IN (:ids) ORDER BY "
                + to)
        .param("ids", ids)
        .query(
            (rs, n) ->
                links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
        .list();
    return links;
  }

  private static ExportedEdition exported(Edition e) {
    return new ExportedEdition(
        e.editionNumber(),
        e.state().name(),
        e.columnId(),
        e.kind().name(),
        e.title(),
        e.docNumber(),
        e.issuedOn(),
        e.topic(),
        e.genre(),
        e.keywords(),
        e.validity().name(),
        e.effectiveOn(),
        e.repealedOn(),
        e.disclosureMode().name(),
        e.source(),
        e.summary(),
        e.bodyHtml(),
        e.changeNote(),
        e.publishedAt(),
        e.supersededAt(),
        e.withdrawnReason(),
        e.withdrawnAt(),
        e.attachments().stream()
            .map(
                a ->
                    new ExportedAttachment(
                        a.fileName(), a.mediaType(), a.sizeBytes(), a.sha256(), pathOf(a.sha256())))
            .toList());
  }

  static String pathOf(String sha256) {
    return "files/" + sha256;
  }

  private void line(OutputStream out, Object value) throws IOException {
    out.write(json.writeValueAsBytes(value));
    out.write('\n');
  }
}
