package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The decision table: the only SQL of the register. The identity number is sealed for its row on
 * the way in and opened on the way out; nothing else here knows it is sealed.
 */
@Repository
class DecisionRepository {

  static final String ID_NUMBER = "decision.id_number";

  private static final String COLUMNS =
      "d.id, d.agency_id, a.name AS agency_name, a.code AS agency_code, d.kind, d.state,"
          + " d.party_name, d.party_category, d.credit_code, d.id_type, d.id_number,"
          + " d.legal_representative, d.decision_number, d.decided_on, d.public_until, d.authority,"
          + " d.authority_code, d.data_source, d.data_source_code, d.document_name,"
          + " d.licence_category, d.certificate_name, d.certificate_number, d.valid_from, d.valid_to,"
          + " d.violation_type, d.facts, d.basis, d.penalty_kinds, d.measure_kind, d.content,"
          + " d.fine_wan, d.confiscated_wan, d.licence_affected, d.note, d.corrects_id,"
          + " d.corrected_by_id, d.revoked_on, d.revoke_reason, d.return_reason, d.entered_late,"
          + " d.created_by, d.created_at, d.submitted_by, d.approved_by, d.published_by,"
          + " d.published_on, d.published_late, d.version";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  DecisionRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Inserts a checked, normalised form as a draft; returns the new id. */
  long insert(
      long agencyId, DecisionForm f, String actor, Instant now, boolean enteredLate, String state) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    DecisionForm.Party p = f.party();
    jdbc.sql(
            "INSERT INTO decision (agency_id, kind, state, party_name, party_category, credit_code,"
                + " id_type, id_number_hash, legal_representative, decision_number, decided_on,"
                + " public_until, authority, authority_code, data_source, data_source_code,"
                + " document_name, licence_category, certificate_name, certificate_number,"
                + " valid_from, valid_to, violation_type, facts, basis, penalty_kinds, measure_kind,"
                + " content, fine_wan, confiscated_wan, licence_affected, note, corrects_id,"
                + " entered_late, created_by, created_at, published_late, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 0)")
        .params(
            agencyId,
            f.kind().name(),
            state,
            p.name(),
            p.category().name(),
            p.creditCode(),
            p.idType(),
            cipher.lookupHash(p.idNumber()),
            p.legalRepresentative(),
            f.decisionNumber(),
            f.decidedOn(),
            f.publicUntil(),
            f.authority(),
            f.authorityCode(),
            f.dataSource(),
            f.dataSourceCode(),
            f.documentName(),
            f.licenceCategory(),
            f.certificateName(),
            f.certificateNumber(),
            f.validFrom(),
            f.validTo(),
            f.violationType(),
            f.facts(),
            f.basis(),
            f.penaltyKinds() == null ? null : String.join(",", f.penaltyKinds()),
            f.measureKind(),
            f.content(),
            f.fineWan(),
            f.confiscatedWan(),
            f.licenceAffected(),
            f.note(),
            f.corrects(),
            enteredLate,
            actor,
            Timestamps.toDb(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    if (p.idNumber() != null) {
      jdbc.sql("UPDATE decision SET id_number = ? WHERE id = ?")
          .params(cipher.seal(ID_NUMBER, id, p.idNumber()), id)
          .update();
    }
    return id;
  }

  /** Replaces what was entered of a draft; false when it is no longer a draft at that version. */
  boolean update(long id, int version, DecisionForm f) {
    DecisionForm.Party p = f.party();
    return jdbc.sql(
                "UPDATE decision SET kind = ?, party_name = ?, party_category = ?, credit_code = ?,"
                    + " id_type = ?, id_number = ?, id_number_hash = ?, legal_representative = ?,"
                    + " decision_number = ?, decided_on = ?, public_until = ?, authority = ?,"
                    + " authority_code = ?, data_source = ?, data_source_code = ?,"
                    + " document_name = ?, licence_category = ?, certificate_name = ?,"
                    + " certificate_number = ?, valid_from = ?, valid_to = ?, violation_type = ?,"
                    + " facts = ?, basis = ?, penalty_kinds = ?, measure_kind = ?, content = ?,"
                    + " fine_wan = ?, confiscated_wan = ?, licence_affected = ?, note = ?,"
                    + " corrects_id = ?, version = version + 1"
                    + " WHERE id = ? AND version = ? AND state = 'DRAFT'")
            .params(
                f.kind().name(),
                p.name(),
                p.category().name(),
                p.creditCode(),
                p.idType(),
                p.idNumber() == null ? null : cipher.seal(ID_NUMBER, id, p.idNumber()),
                cipher.lookupHash(p.idNumber()),
                p.legalRepresentative(),
                f.decisionNumber(),
                f.decidedOn(),
                f.publicUntil(),
                f.authority(),
                f.authorityCode(),
                f.dataSource(),
                f.dataSourceCode(),
                f.documentName(),
                f.licenceCategory(),
                f.certificateName(),
                f.certificateNumber(),
                f.validFrom(),
                f.validTo(),
                f.violationType(),
                f.facts(),
                f.basis(),
                f.penaltyKinds() == null ? null : String.join(",", f.penaltyKinds()),
                f.measureKind(),
                f.content(),
                f.fineWan(),
                f.confiscatedWan(),
                f.licenceAffected(),
                f.note(),
                f.corrects(),
                id,
                version)
            .update()
        == 1;
  }

  /**
   * Moves the decision from one state to another if it is still in the first (compare and set),
   * setting the named columns too; false when someone else moved it first.
   */
  boolean transition(long id, DecisionState from, DecisionState to, Map<String, Object> set) {
    StringBuilder sql = new StringBuilder("UPDATE decision SET state = ?, version = version + 1");
    List<Object> params = new ArrayList<>();
    params.add(to.name());
    for (var e : set.entrySet()) {
      sql.append(", ").append(e.getKey()).append(" = ?");
      Object value = e.getValue();
      params.add(value instanceof Instant i ? Timestamps.toDb(i) : value);
    }
    sql.append(" WHERE id = ? AND state = ?");
    params.add(id);
    params.add(from.name());
    return jdbc.sql(sql.toString()).params(params).update() == 1;
  }

  Optional<Decision> find(long id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM decision d JOIN agency a ON a.id = d.agency_id WHERE d.id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  /**
   * Another decision of the agency and kind with that number and still standing (not superseded by
   * a correction); {@code except} the decision itself and the one it corrects.
   */
  boolean numberTaken(long agencyId, DecisionKind kind, String number, Long except, Long corrects) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM decision WHERE agency_id = ? AND kind = ? AND decision_number = ?"
                    + " AND state <> 'CORRECTED' AND id <> ? AND id <> ?")
            .params(
                agencyId,
                kind.name(),
                number,
                except == null ? -1L : except,
                corrects == null ? -1L : corrects)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The filter of a list: agencies (null: all), words, kind, states, decision dates. */
  record Filter(
      Collection<Long> agencyIds,
      String q,
      DecisionKind kind,
      Collection<DecisionState> states,
      LocalDate from,
      LocalDate to) {}

  /**
   * The public condition: the public period has not ended on {@code today}: its own end when it
   * states one, else the kind's period from the decision date ({@code cutoffs}: the earliest
   * decision date still shown, per kind).
   */
  record Showing(LocalDate today, Map<DecisionKind, LocalDate> cutoffs) {}

  List<Decision> list(Filter filter, Showing showing, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, showing, params);
    params.add(limit);
    params.add(offset);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM decision d JOIN agency a ON a.id = d.agency_id"
                + where
                + " ORDER BY d.decided_on DESC, d.id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query(this::row)
        .list();
  }

  long count(Filter filter, Showing showing) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, showing, params);
    return jdbc.sql("SELECT COUNT(*) FROM decision d" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String where(Filter f, Showing showing, List<Object> params) {
    StringBuilder w = new StringBuilder(" WHERE 1 = 1");
    if (f.agencyIds() != null) {
      if (f.agencyIds().isEmpty()) {
        w.append(" AND 1 = 0");
      } else {
        w.append(" AND d.agency_id IN (")
            .append(f.agencyIds().stream().map(x -> "?").collect(Collectors.joining(", ")))
            .append(")");
        params.addAll(f.agencyIds());
      }
    }
    if (f.states() != null && !f.states().isEmpty()) {
      w.append(" AND d.state IN (")
          .append(f.states().stream().map(x -> "?").collect(Collectors.joining(", ")))
          .append(")");
      f.states().forEach(s -> params.add(s.name()));
    }
    if (f.kind() != null) {
      w.append(" AND d.kind = ?");
      params.add(f.kind().name());
    }
    if (f.from() != null) {
      w.append(" AND d.decided_on >= ?");
      params.add(f.from());
    }
    if (f.to() != null) {
      w.append(" AND d.decided_on <= ?");
      params.add(f.to());
    }
    if (f.q() != null && !f.q().isBlank()) {
      String q = f.q().strip();
      String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      // A natural person is not found by name: only by the decision's number.
      w.append(
          " AND (d.decision_number LIKE ? OR d.credit_code = ?"
              + " OR (d.party_category <> 'NATURAL_PERSON' AND d.party_name LIKE ?))");
      params.add(like);
      params.add(q.toUpperCase(java.util.Locale.ROOT));
      params.add(like);
    }
    if (showing != null) {
      w.append(
          " AND ((d.public_until IS NOT NULL AND d.public_until >= ?) OR (d.public_until IS NULL AND (");
      params.add(showing.today());
      List<String> kinds = new ArrayList<>();
      for (DecisionKind kind : DecisionKind.values()) {
        kinds.add("(d.kind = ? AND d.decided_on >= ?)");
        params.add(kind.name());
        params.add(showing.cutoffs().get(kind));
      }
      w.append(String.join(" OR ", kinds)).append(")))");
    }
    return w.toString();
  }

  /** Decisions of the agencies decided in the period, per kind and state. */
  List<KindCount> counts(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(agencyIds);
    params.add(first);
    params.add(last);
    return jdbc.sql(
            "SELECT kind, state, COUNT(*) AS n FROM decision WHERE agency_id IN ("
                + agencyIds.stream().map(x -> "?").collect(Collectors.joining(", "))
                + ") AND decided_on BETWEEN ? AND ? GROUP BY kind, state")
        .params(params)
        .query(
            (rs, i) ->
                new KindCount(
                    DecisionKind.valueOf(rs.getString("kind")),
                    DecisionState.valueOf(rs.getString("state")),
                    rs.getLong("n")))
        .list();
  }

  record KindCount(DecisionKind kind, DecisionState state, long count) {}

  /** Decisions of the agencies in the states, each with what its deadline needs. */
  List<Decision> ofAgencies(
      Collection<Long> agencyIds,
      Collection<DecisionState> states,
      LocalDate first,
      LocalDate last) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    return list(new Filter(agencyIds, null, null, states, first, last), null, 0, 100_000);
  }

  /** Published decisions of the agencies whose publication day falls in the period. */
  List<Decision> publishedBetween(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(agencyIds);
    params.add(first);
    params.add(last);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM decision d JOIN agency a ON a.id = d.agency_id WHERE d.agency_id IN ("
                + agencyIds.stream().map(x -> "?").collect(Collectors.joining(", "))
                + ") AND d.published_on BETWEEN ? AND ? ORDER BY d.published_on, d.id")
        .params(params)
        .query(this::row)
        .list();
  }

  private Decision row(ResultSet rs, int i) throws SQLException {
    long id = rs.getLong("id");
    String kinds = rs.getString("penalty_kinds");
    DecisionForm form =
        new DecisionForm(
            DecisionKind.valueOf(rs.getString("kind")),
            rs.getString("agency_code"),
            new DecisionForm.Party(
                rs.getString("party_name"),
                PartyCategory.valueOf(rs.getString("party_category")),
                rs.getString("credit_code"),
                rs.getString("id_type"),
                cipher.open(ID_NUMBER, id, rs.getString("id_number")),
                rs.getString("legal_representative")),
            rs.getString("decision_number"),
            date(rs, "decided_on"),
            date(rs, "public_until"),
            rs.getString("authority"),
            rs.getString("authority_code"),
            rs.getString("data_source"),
            rs.getString("data_source_code"),
            rs.getString("document_name"),
            rs.getString("licence_category"),
            rs.getString("certificate_name"),
            rs.getString("certificate_number"),
            date(rs, "valid_from"),
            date(rs, "valid_to"),
            rs.getString("violation_type"),
            rs.getString("facts"),
            rs.getString("basis"),
            kinds == null || kinds.isEmpty() ? List.of() : Arrays.asList(kinds.split(",")),
            rs.getString("measure_kind"),
            rs.getString("content"),
            amount(rs, "fine_wan"),
            amount(rs, "confiscated_wan"),
            rs.getString("licence_affected"),
            rs.getString("note"),
            (Long) rs.getObject("corrects_id", Long.class));
    return new Decision(
        id,
        rs.getLong("agency_id"),
        rs.getString("agency_name"),
        DecisionState.valueOf(rs.getString("state")),
        form,
        rs.getBoolean("entered_late"),
        rs.getString("created_by"),
        Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        rs.getString("submitted_by"),
        rs.getString("approved_by"),
        rs.getString("published_by"),
        date(rs, "published_on"),
        rs.getBoolean("published_late"),
        date(rs, "revoked_on"),
        rs.getString("revoke_reason"),
        rs.getString("return_reason"),
        (Long) rs.getObject("corrected_by_id", Long.class),
        rs.getInt("version"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    if (value == null) {
      return null;
    }
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }
}
