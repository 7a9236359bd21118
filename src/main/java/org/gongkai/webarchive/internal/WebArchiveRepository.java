package org.gongkai.webarchive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The web archives and their files. */
@Repository
class WebArchiveRepository {

  enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  /** An archive as its row holds it; {@code year} null: the whole site. */
  record Archive(
      long id,
      long siteId,
      Integer year,
      State state,
      String requestedBy,
      Instant requestedAt,
      Instant startedAt,
      Instant finishedAt,
      int attempts,
      Counts counts,
      String errors,
      boolean closesSite) {}

  /** What an archive holds so far. */
  record Counts(int captures, int documents, int attachments, int failures, long httpBytes) {}

  /** One file of an archive in the file store. */
  record File(String name, String mediaType, String sha256, long size) {}

  private static final String COLUMNS =
      "id, site_id, archive_year, state, requested_by, requested_at, started_at, finished_at,"
          + " attempts, captures, documents, attachments, failures, http_bytes, errors, closes_site";

  private final JdbcClient jdbc;

  WebArchiveRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long siteId, Integer year, boolean closesSite, String actor, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO web_archive (site_id, archive_year, closes_site, state, requested_by,"
                + " requested_at) VALUES (?, ?, ?, 'QUEUED', ?, ?)")
        .params(siteId, year, closesSite, actor, Timestamps.toDb(now))
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  Optional<Archive> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM web_archive WHERE id = ?")
        .param(id)
        .query(WebArchiveRepository::archive)
        .optional();
  }

  /** The newest archives first. */
  List<Archive> latest(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM web_archive ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(WebArchiveRepository::archive)
        .list();
  }

  /** Archives in a state, oldest first. */
  List<Archive> inState(State state) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM web_archive WHERE state = ? ORDER BY id")
        .param(state.name())
        .query(WebArchiveRepository::archive)
        .list();
  }

  /** Whether a site's year is queued, running or done already. */
  boolean exists(long siteId, int year) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM web_archive WHERE site_id = ? AND archive_year = ?"
                    + " AND state <> 'FAILED'")
            .params(siteId, year)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Begins (or begins again) an archive: its files and counts from an earlier attempt are dropped.
   * False when another node changed its state meanwhile.
   */
  boolean begin(long id, State from, Instant now) {
    int updated =
        jdbc.sql(
                "UPDATE web_archive SET state = 'RUNNING', started_at = ?, finished_at = NULL,"
                    + " attempts = attempts + 1, captures = 0, documents = 0, attachments = 0,"
                    + " failures = 0, http_bytes = 0, errors = '' WHERE id = ? AND state = ?")
            .params(Timestamps.toDb(now), id, from.name())
            .update();
    if (updated == 1) {
      jdbc.sql("DELETE FROM web_archive_file WHERE archive_id = ?").param(id).update();
    }
    return updated == 1;
  }

  void progress(long id, Counts counts) {
    jdbc.sql(
            "UPDATE web_archive SET captures = ?, documents = ?, attachments = ?, failures = ?,"
                + " http_bytes = ? WHERE id = ?")
        .params(
            counts.captures(),
            counts.documents(),
            counts.attachments(),
            counts.failures(),
            counts.httpBytes(),
            id)
        .update();
  }

  void addFile(long id, File file) {
    int position =
        jdbc.sql("SELECT COUNT(*) FROM web_archive_file WHERE archive_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "INSERT INTO web_archive_file (archive_id, name, media_type, sha256, size_bytes,"
                + " position) VALUES (?, ?, ?, ?, ?, ?)")
        .params(id, file.name(), file.mediaType(), file.sha256(), file.size(), position)
        .update();
  }

  void finish(long id, State state, Counts counts, String errors, Instant now) {
    progress(id, counts);
    jdbc.sql("UPDATE web_archive SET state = ?, finished_at = ?, errors = ? WHERE id = ?")
        .params(
            state.name(),
            Timestamps.toDb(now),
            errors.length() > 4000 ? errors.substring(0, 4000) : errors,
            id)
        .update();
  }

  List<File> files(long id) {
    return jdbc.sql(
            "SELECT name, media_type, sha256, size_bytes FROM web_archive_file"
                + " WHERE archive_id = ? ORDER BY position")
        .param(id)
        .query(
            (rs, i) -> new File(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  /** Whether any archive names a stored file, for the sweep of the file store. */
  boolean references(String sha256) {
    return jdbc.sql("SELECT COUNT(*) FROM web_archive_file WHERE sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Archive archive(ResultSet rs, int row) throws SQLException {
    return new Archive(
        rs.getLong("id"),
        rs.getLong("site_id"),
        rs.getObject("archive_year", Integer.class),
        State.valueOf(rs.getString("state")),
        rs.getString("requested_by"),
        Timestamps.fromDb(rs.getObject("requested_at", OffsetDateTime.class)),
        Timestamps.fromDb(rs.getObject("started_at", OffsetDateTime.class)),
        Timestamps.fromDb(rs.getObject("finished_at", OffsetDateTime.class)),
        rs.getInt("attempts"),
        new Counts(
            rs.getInt("captures"),
            rs.getInt("documents"),
            rs.getInt("attachments"),
            rs.getInt("failures"),
            rs.getLong("http_bytes")),
        rs.getString("errors"),
        rs.getBoolean("closes_site"));
  }
}
