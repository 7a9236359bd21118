package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The decision table's writes, one decision read by its id, and the counts of the reports; lists
 * are {@link DecisionLists}', the mapping of a row {@link DecisionRows}'.
 */
@Repository
class DecisionRepository {

  private final JdbcClient jdbc;
  private final DecisionRows rows;

  DecisionRepository(JdbcClient jdbc, DecisionRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /**
   * Inserts a checked, normalised form in the state given ({@code batch}: the import it came in
   * with, or null); returns the new id.
   */
  long insert(
      long agencyId,
      DecisionForm f,
      String actor,
      Instant now,
      boolean enteredLate,
      String state,
      String batch) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    List<Object> params = new ArrayList<>(rows.values(f));
    params.addAll(Arrays.asList(agencyId, state, enteredLate, actor, Timestamps.toDb(now), batch));
    jdbc.sql(
            "INSERT INTO decision ("
                + String.join(", ", DecisionRows.FORM_COLUMNS)
                + ", agency_id, state, entered_late, created_by, created_at, import_batch,"
                + " published_late, version) VALUES ("
                + "?, ".repeat(DecisionRows.FORM_COLUMNS.size() + 6)
                + "FALSE, 0)")
        .params(params)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    if (f.party().idNumber() != null) {
      jdbc.sql("UPDATE decision SET id_number = ? WHERE id = ?")
          .params(rows.sealedIdNumber(id, f.party().idNumber()), id)
          .update();
    }
    return id;
  }

  /** Replaces what was entered of a draft; false when it is no longer a draft at that version. */
  boolean update(long id, int version, DecisionForm f) {
    List<Object> params = new ArrayList<>(rows.values(f));
    params.addAll(Arrays.asList(rows.sealedIdNumber(id, f.party().idNumber()), id, version));
    return jdbc.sql(
                "UPDATE decision SET "
                    + DecisionRows.FORM_COLUMNS.stream()
                        .map(c -> c + " = ?")
                        .collect(Collectors.joining(", "))
                    + ", id_number = ?, version = version + 1"
                    + " WHERE id = ? AND version = ? AND state = 'DRAFT'")
            .params(params)
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
    return jdbc.sql(DecisionRows.SELECT + " WHERE d.id = ?").param(id).query(rows::row).optional();
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

  /** The fees of the agencies' licensing decisions decided in the period and in the states (万元). */
  BigDecimal fees(
      Collection<Long> agencyIds,
      LocalDate first,
      LocalDate last,
      Collection<DecisionState> states) {
    if (agencyIds.isEmpty()) {
      return BigDecimal.ZERO;
    }
    List<Object> params = new ArrayList<>(agencyIds);
    params.add(first);
    params.add(last);
    states.forEach(s -> params.add(s.name()));
    BigDecimal sum =
        jdbc.sql(
                "SELECT SUM(fee_wan) FROM decision WHERE agency_id IN ("
                    + agencyIds.stream().map(x -> "?").collect(Collectors.joining(", "))
                    + ") AND kind = 'LICENSING' AND decided_on BETWEEN ? AND ? AND state IN ("
                    + states.stream().map(x -> "?").collect(Collectors.joining(", "))
                    + ")")
            .params(params)
            .query(BigDecimal.class)
            .optional()
            .orElse(null);
    if (sum == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal plain = sum.stripTrailingZeros();
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }

  record KindCount(DecisionKind kind, DecisionState state, long count) {}
}
