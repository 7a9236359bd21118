package org.gongkai.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of imports: jobs, their frontier of items, and the sources of imported documents. */
@Repository
class ImportRepository {

  private static final String ITEM_COLUMNS =
      "id, job_id, url, depth, payload, done, page_kind, outcome, reason, detail, title,"
          + " index_number, document_id";

  private final JdbcClient jdbc;

  ImportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertJob(ImportJob job) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO import_job (agency_id, kind, dry_run, state, start_urls, hosts,"
                + " rate_per_second, max_documents, file_name, started_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            job.agencyId(),
            job.kind(),
            job.dryRun(),
            job.state().name(),
            String.join("\n", job.startUrls()),
            String.join("\n", job.hosts()),
            job.ratePerSecond(),
            job.maxDocuments(),
            job.fileName(),
            job.startedBy(),
            Timestamps.toDb(job.createdAt()))
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  Optional<ImportJob> job(long id) {
    return jdbc.sql("SELECT * FROM import_job WHERE id = ?")
        .param(id)
        .query(this::jobRow)
        .optional();
  }

  /** The jobs to run or resume, oldest first. */
  List<Long> activeJobs() {
    return jdbc.sql("SELECT id FROM import_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY id")
        .query(Long.class)
        .list();
  }

  List<ImportJob> jobs(List<Long> agencyIds, int limit) {
    if (agencyIds == null) {
      return jdbc.sql("SELECT * FROM import_job ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
          .param(limit)
          .query(this::jobRow)
          .list();
    }
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT * FROM import_job WHERE agency_id IN (:agencies) ORDER BY id DESC"
                + " FETCH FIRST :limit ROWS ONLY")
        .param("agencies", agencyIds)
        .param("limit", limit)
        .query(this::jobRow)
        .list();
  }

  /** Moves the job from one state to another; false if it was no longer in the first. */
  boolean transition(long id, ImportState from, ImportState to, String failure, Instant at) {
    return jdbc.sql(
                "UPDATE import_job SET state = ?, failure = COALESCE(?, failure),"
                    + " finished_at = ? WHERE id = ? AND state = ?")
            .params(to.name(), failure, to.active() ? null : Timestamps.toDb(at), id, from.name())
            .update()
        == 1;
  }

  /** Adds an address to the frontier unless the job has seen it; true if it was new. */
  boolean enqueue(long jobId, String url, String key, int depth, String payload) {
    boolean seen =
        jdbc.sql("SELECT COUNT(*) FROM import_item WHERE job_id = ? AND url_key = ?")
                .params(jobId, key)
                .query(Long.class)
                .single()
            > 0;
    if (seen) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO import_item (job_id, url, url_key, depth, payload, done)"
                  + " VALUES (?, ?, ?, ?, ?, FALSE)")
          .params(jobId, clip(url, 2000), key, depth, payload)
          .update();
      return true;
    } catch (DuplicateKeyException seenMeanwhile) {
      return false;
    }
  }

  Optional<ImportItem> nextPending(long jobId) {
    return jdbc.sql(
            "SELECT "
                + ITEM_COLUMNS
                + " FROM import_item WHERE job_id = ? AND done = FALSE ORDER BY id"
                + " FETCH FIRST 1 ROWS ONLY")
        .param(jobId)
        .query(this::itemRow)
        .optional();
  }

  void finishItem(
      long itemId,
      String pageKind,
      Outcome outcome,
      String reason,
      String detail,
      String title,
      String indexNumber,
      Long documentId) {
    jdbc.sql(
            "UPDATE import_item SET done = TRUE, page_kind = ?, outcome = ?, reason = ?, detail = ?,"
                + " title = ?, index_number = ?, document_id = ? WHERE id = ?")
        .params(
            pageKind,
            outcome == null ? null : outcome.name(),
            reason,
            clip(detail, 1000),
            clip(title, 300),
            clip(indexNumber, 60),
            documentId,
            itemId)
        .update();
  }

  /** Whether an earlier item of the job was (or would be) created with this index number. */
  boolean createdInJob(long jobId, String indexNumber) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM import_item WHERE job_id = ? AND index_number = ?"
                    + " AND outcome = 'CREATED'")
            .params(jobId, indexNumber)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether any page of the crawl was read (a list or a document). */
  boolean anyRead(long jobId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM import_item WHERE job_id = ?"
                    + " AND page_kind IN ('LIST', 'DOCUMENT')")
            .param(jobId)
            .query(Long.class)
            .single()
        > 0;
  }

  Map<Outcome, Long> counts(long jobId) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0L);
    }
    jdbc.sql(
            "SELECT outcome, COUNT(*) FROM import_item WHERE job_id = ? AND outcome IS NOT NULL"
                + " GROUP BY outcome")
        .param(jobId)
        .query(
            (RowCallbackHandler) rs -> counts.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2)));
    return counts;
  }

  /** Items known and items processed. */
  long[] progress(long jobId) {
    return jdbc.sql(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN done THEN 1 ELSE 0 END), 0)"
                + " FROM import_item WHERE job_id = ?")
        .param(jobId)
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  List<ImportItem> itemsWithOutcome(long jobId, Outcome outcome, int offset, int limit) {
    String which = outcome == null ? "outcome IS NOT NULL" : "outcome = '" + outcome.name() + "'";
    return jdbc.sql(
            "SELECT "
                + ITEM_COLUMNS
                + " FROM import_item WHERE job_id = ? AND "
                + which
                + " ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
        .params(jobId, offset, limit)
        .query(this::itemRow)
        .list();
  }

  Optional<ImportSource> source(String urlKey) {
    return jdbc.sql("SELECT url_key, document_id FROM import_source WHERE url_key = ?")
        .param(urlKey)
        .query((rs, i) -> new ImportSource(rs.getString(1), rs.getLong(2)))
        .optional();
  }

  void insertSource(
      String urlKey,
      String sourceUrl,
      String host,
      String linkKey,
      long documentId,
      String indexNumber,
      long agencyId,
      long jobId,
      Instant at) {
    jdbc.sql(
            "INSERT INTO import_source (url_key, source_url, host, link_key, document_id,"
                + " index_number, agency_id, job_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            urlKey,
            sourceUrl,
            host,
            linkKey,
            documentId,
            clip(indexNumber, 60),
            agencyId,
            jobId,
            Timestamps.toDb(at))
        .update();
  }

  /** An imported document, by the key of its old address. */
  record ImportSource(String urlKey, long documentId) {}

  private ImportJob jobRow(ResultSet rs, int row) throws SQLException {
    return new ImportJob(
        rs.getLong("id"),
        rs.getLong("agency_id"),
        rs.getString("kind"),
        rs.getBoolean("dry_run"),
        ImportState.valueOf(rs.getString("state")),
        lines(rs.getString("start_urls")).stream().toList(),
        lines(rs.getString("hosts")),
        rs.getDouble("rate_per_second"),
        rs.getInt("max_documents"),
        rs.getString("file_name"),
        rs.getString("failure"),
        rs.getString("started_by"),
        Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        rs.getObject("finished_at") == null
            ? null
            : Timestamps.fromDb(rs.getObject("finished_at", OffsetDateTime.class)));
  }

  private ImportItem itemRow(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    Long documentId = rs.getObject("document_id") == null ? null : rs.getLong("document_id");
    return new ImportItem(
        rs.getLong("id"),
        rs.getLong("job_id"),
        rs.getString("url"),
        rs.getInt("depth"),
        rs.getString("payload"),
        rs.getBoolean("done"),
        rs.getString("page_kind"),
        outcome == null ? null : Outcome.valueOf(outcome),
        rs.getString("reason"),
        rs.getString("detail"),
        rs.getString("title"),
        rs.getString("index_number"),
        documentId);
  }

  private static LinkedHashSet<String> lines(String value) {
    LinkedHashSet<String> lines = new LinkedHashSet<>();
    if (value != null) {
      Arrays.stream(value.split("\n")).filter(s -> !s.isBlank()).forEach(lines::add);
    }
    return lines;
  }

  static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
