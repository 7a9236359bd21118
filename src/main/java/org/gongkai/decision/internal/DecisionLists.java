package org.gongkai.decision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongkai.decision.DecisionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists of decisions: the public register's search (within each entry's public period), the staff's
 * lists, the open decisions of the to-do list and what the credit platform's files hold.
 */
@Repository
class DecisionLists {

  private final JdbcClient jdbc;
  private final DecisionRows rows;

  DecisionLists(JdbcClient jdbc, DecisionRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /**
   * The filter of a list: agencies (null: all), words, kind, states, decision dates, and the import
   * they came in with (null: any).
   */
  record Filter(
      Collection<Long> agencyIds,
      String q,
      DecisionKind kind,
      Collection<DecisionState> states,
      LocalDate from,
      LocalDate to,
      String batch) {

    Filter(
        Collection<Long> agencyIds,
        String q,
        DecisionKind kind,
        Collection<DecisionState> states,
        LocalDate from,
        LocalDate to) {
      this(agencyIds, q, kind, states, from, to, null);
    }
  }

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
            DecisionRows.SELECT + where + " ORDER BY d.decided_on DESC, d.id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query(rows::row)
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
    if (f.batch() != null) {
      w.append(" AND d.import_batch = ?");
      params.add(f.batch());
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

  /** The ids of one import's decisions of the agencies that are in the state, oldest first. */
  List<Long> ofBatch(String batch, Collection<Long> agencyIds, DecisionState state) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    String where =
        where(new Filter(agencyIds, null, null, List.of(state), null, null, batch), null, params);
    return jdbc.sql("SELECT d.id FROM decision d" + where + " ORDER BY d.id")
        .params(params)
        .query(Long.class)
        .list();
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
            DecisionRows.SELECT
                + " WHERE d.agency_id IN ("
                + agencyIds.stream().map(x -> "?").collect(Collectors.joining(", "))
                + ") AND d.published_on BETWEEN ? AND ? ORDER BY d.published_on, d.id")
        .params(params)
        .query(rows::row)
        .list();
  }
}
