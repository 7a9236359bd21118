package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The assessments, the assessors' entries, the objections and the stored final results. */
@Repository
class AssessmentRepository {

  enum State {
    DRAFT,
    REVIEW,
    FINAL
  }

  record Assessment(
      int year,
      long officeAgencyId,
      State state,
      LocalDate objectionsUntil,
      boolean published,
      String finalisedBy,
      Instant finalisedAt) {}

  record StoredEntry(long agencyId, Scoring.Entry entry, String fileType, String fileSha256) {}

  record Objection(
      long id,
      int year,
      long agencyId,
      String indicatorCode,
      String body,
      String raisedBy,
      Instant raisedAt,
      String decision,
      String answer,
      String answeredBy,
      Instant answeredAt) {

    boolean open() {
      return decision == null;
    }
  }

  private final JdbcClient jdbc;

  AssessmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Assessment> find(int year) {
    return jdbc.sql("SELECT * FROM assessment WHERE assessment_year = ?")
        .param(year)
        .query(this::assessment)
        .optional();
  }

  /**
   * For a change: the row locked until the transaction ends, so that two steps on it cannot
   * interleave.
   */
  Optional<Assessment> lock(int year) {
    return jdbc.sql("SELECT * FROM assessment WHERE assessment_year = ? FOR UPDATE")
        .param(year)
        .query(this::assessment)
        .optional();
  }

  List<Assessment> all() {
    return jdbc.sql("SELECT * FROM assessment ORDER BY assessment_year DESC")
        .query(this::assessment)
        .list();
  }

  private Assessment assessment(ResultSet rs, int i) throws SQLException {
    return new Assessment(
        rs.getInt("assessment_year"),
        rs.getLong("office_agency_id"),
        State.valueOf(rs.getString("state")),
        rs.getObject("objections_until", LocalDate.class),
        rs.getBoolean("published"),
        rs.getString("finalised_by"),
        Timestamps.fromDb(rs.getObject("finalised_at", OffsetDateTime.class)));
  }

  void insert(int year, long officeAgencyId, String actor, Instant at) {
    jdbc.sql(
            "INSERT INTO assessment (assessment_year, office_agency_id, state, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(year, officeAgencyId, State.DRAFT.name(), actor, Timestamps.toDb(at))
        .update();
  }

  void release(int year, LocalDate until) {
    jdbc.sql("UPDATE assessment SET state = ?, objections_until = ? WHERE assessment_year = ?")
        .params(State.REVIEW.name(), until, year)
        .update();
  }

  void finalise(int year, String actor, Instant at) {
    jdbc.sql(
            "UPDATE assessment SET state = ?, finalised_by = ?, finalised_at = ? WHERE assessment_year = ?")
        .params(State.FINAL.name(), actor, Timestamps.toDb(at), year)
        .update();
  }

  void setPublished(int year, boolean published) {
    jdbc.sql("UPDATE assessment SET published = ? WHERE assessment_year = ?")
        .params(published, year)
        .update();
  }

  // ---- entries ----

  Map<Long, Map<String, Scoring.Entry>> entries(int year) {
    Map<Long, Map<String, Scoring.Entry>> result = new HashMap<>();
    storedEntries(year)
        .forEach(
            e ->
                result
                    .computeIfAbsent(e.agencyId(), k -> new HashMap<>())
                    .put(e.entry().code(), e.entry()));
    return result;
  }

  List<StoredEntry> storedEntries(int year) {
    return jdbc.sql(
            "SELECT agency_id, indicator_code, points, reason, file_name, entered_by, file_type, file_sha256"
                + " FROM assessment_entry WHERE assessment_year = ?")
        .param(year)
        .query(
            (rs, i) ->
                new StoredEntry(
                    rs.getLong(1),
                    new Scoring.Entry(
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  void putEntry(
      int year,
      long agencyId,
      Scoring.Entry entry,
      String fileType,
      String fileSha256,
      Instant at) {
    jdbc.sql(
            "DELETE FROM assessment_entry WHERE assessment_year = ? AND agency_id = ? AND indicator_code = ?")
        .params(year, agencyId, entry.code())
        .update();
    jdbc.sql(
            "INSERT INTO assessment_entry (assessment_year, agency_id, indicator_code, points, reason, file_name, file_type,"
                + " file_sha256, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            year,
            agencyId,
            entry.code(),
            entry.points(),
            entry.reason(),
            entry.fileName(),
            fileType,
            fileSha256,
            entry.enteredBy(),
            Timestamps.toDb(at))
        .update();
  }

  boolean deleteEntry(int year, long agencyId, String code) {
    return jdbc.sql(
                "DELETE FROM assessment_entry WHERE assessment_year = ? AND agency_id = ? AND indicator_code = ?")
            .params(year, agencyId, code)
            .update()
        > 0;
  }

  boolean fileReferenced(String sha256) {
    return jdbc.sql("SELECT COUNT(*) FROM assessment_entry WHERE file_sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  // ---- objections ----

  List<Objection> objections(int year) {
    return jdbc.sql(
            "SELECT * FROM assessment_objection WHERE assessment_year = ? ORDER BY raised_at, id")
        .param(year)
        .query(
            (rs, i) ->
                new Objection(
                    rs.getLong("id"),
                    rs.getInt("assessment_year"),
                    rs.getLong("agency_id"),
                    rs.getString("indicator_code"),
                    rs.getString("body"),
                    rs.getString("raised_by"),
                    Timestamps.fromDb(rs.getObject("raised_at", OffsetDateTime.class)),
                    rs.getString("decision"),
                    rs.getString("answer"),
                    rs.getString("answered_by"),
                    Timestamps.fromDb(rs.getObject("answered_at", OffsetDateTime.class))))
        .list();
  }

  long insertObjection(
      int year, long agencyId, String indicatorCode, String body, String actor, Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO assessment_objection (assessment_year, agency_id, indicator_code, body, raised_by, raised_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(year, agencyId, indicatorCode, body, actor, Timestamps.toDb(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean answerObjection(
      long id, int year, String decision, String answer, String actor, Instant at) {
    return jdbc.sql(
                "UPDATE assessment_objection SET decision = ?, answer = ?, answered_by = ?, answered_at = ?"
                    + " WHERE id = ? AND assessment_year = ? AND decision IS NULL")
            .params(decision, answer, actor, Timestamps.toDb(at), id, year)
            .update()
        > 0;
  }

  // ---- the stored result ----

  void store(int year, Scoring.AgencyResult r) {
    jdbc.sql(
            "INSERT INTO assessment_result (assessment_year, agency_id, agency_name, total, max_points, ranking, vetoed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(year, r.agencyId(), r.name(), r.total(), r.max(), r.rank(), r.vetoed())
        .update();
    int order = 0;
    for (Scoring.Item i : r.items()) {
      jdbc.sql(
              "INSERT INTO assessment_result_item (assessment_year, agency_id, sort_order, indicator_code, parent_code,"
                  + " indicator_name, kind, points, max_points, source, evidence, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              year,
              r.agencyId(),
              order++,
              i.code(),
              i.parentCode(),
              i.name(),
              i.kind().name(),
              i.points(),
              i.max(),
              i.source() == null ? "" : i.source().name(),
              i.evidence() == null ? null : i.evidence().encodeMessage(),
              i.evidence() == null ? null : i.evidence().encodeLinks())
          .update();
    }
  }

  /**
   * The stored results, best first; {@code codes} maps agency ids to their codes (which may have
   * changed since).
   */
  List<Scoring.AgencyResult> results(int year, Map<Long, String> codes) {
    Map<Long, List<Scoring.Item>> items = new LinkedHashMap<>();
    Map<String, Integer> depths = new HashMap<>();
    jdbc.sql(
            "SELECT agency_id, indicator_code, parent_code, indicator_name, kind, points, max_points, source, evidence, links"
                + " FROM assessment_result_item WHERE assessment_year = ? ORDER BY agency_id, sort_order")
        .param(year)
        .query(
            (rs, i) -> {
              String parent = rs.getString(3);
              int depth =
                  parent == null ? 0 : depths.getOrDefault(rs.getLong(1) + "/" + parent, 0) + 1;
              depths.put(rs.getLong(1) + "/" + rs.getString(2), depth);
              String source = rs.getString(8);
              String evidence = rs.getString(9);
              items
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Scoring.Item(
                          rs.getString(2),
                          parent,
                          rs.getString(4),
                          IndicatorKind.valueOf(rs.getString(5)),
                          depth,
                          rs.getBigDecimal(6),
                          rs.getBigDecimal(7),
                          source.isEmpty() ? null : Scoring.Source.valueOf(source),
                          evidence == null ? null : Evidence.decode(evidence, rs.getString(10))));
              return null;
            })
        .list();
    return jdbc.sql(
            "SELECT agency_id, agency_name, total, max_points, ranking, vetoed FROM assessment_result"
                + " WHERE assessment_year = ? ORDER BY ranking, agency_name")
        .param(year)
        .query(
            (rs, i) ->
                new Scoring.AgencyResult(
                    rs.getLong(1),
                    codes.getOrDefault(rs.getLong(1), ""),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4),
                    rs.getInt(5),
                    rs.getBoolean(6),
                    items.getOrDefault(rs.getLong(1), List.of())))
        .list();
  }

  /** Each final year's totals per agency, oldest year first. */
  Map<Integer, Map<Long, BigDecimal>> finalTotals() {
    Map<Integer, Map<Long, BigDecimal>> totals = new TreeMap<>();
    jdbc.sql(
            "SELECT r.assessment_year, r.agency_id, r.total FROM assessment_result r"
                + " JOIN assessment a ON a.assessment_year = r.assessment_year WHERE a.state = 'FINAL'")
        .query(
            (rs, i) ->
                totals
                    .computeIfAbsent(rs.getInt(1), k -> new HashMap<>())
                    .put(rs.getLong(2), rs.getBigDecimal(3)))
        .list();
    return totals;
  }
}
