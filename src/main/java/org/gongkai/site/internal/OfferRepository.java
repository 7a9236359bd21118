package org.gongkai.site.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.site.Offer;
import org.gongkai.site.OfferState;
import org.gongkai.site.Offers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of offers (信息报送). */
@Repository
class OfferRepository {

  private static final String COLUMNS =
      "SELECT id, document_id, agency_id, site_id, column_id, state, title, note, reason,"
          + " offered_by, offered_at, decided_by, decided_at FROM site_offer";

  private final JdbcClient jdbc;

  OfferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new open offer; refused by the database (a duplicate key) when the document is offered to the
   * site already, open or accepted.
   */
  long insert(
      long documentId,
      long agencyId,
      long siteId,
      long columnId,
      String title,
      String note,
      String actor,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO site_offer (document_id, agency_id, site_id, column_id, state, title,"
                + " note, offered_by, offered_at, open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            documentId,
            agencyId,
            siteId,
            columnId,
            OfferState.OFFERED.name(),
            title,
            note,
            actor,
            Timestamps.toDb(now),
            siteId + ":" + documentId)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  /**
   * Moves an open offer to ACCEPTED or DECLINED (a decline frees the document to be offered again);
   * false when it was no longer open, so that two editors deciding at once decide it once.
   */
  boolean decide(long id, OfferState state, String reason, String actor, Instant now) {
    return jdbc.sql(
                "UPDATE site_offer SET state = ?, reason = ?, decided_by = ?, decided_at = ?,"
                    + " open_key = CASE WHEN ? THEN open_key ELSE NULL END"
                    + " WHERE id = ? AND state = 'OFFERED'")
            .params(
                state.name(), reason, actor, Timestamps.toDb(now), state == OfferState.ACCEPTED, id)
            .update()
        == 1;
  }

  /**
   * Ends an offer that is in one of the {@code from} states (RETRACTED or REMOVED): the document is
   * free to be offered again; false when it was no longer in one of them.
   */
  boolean end(
      long id,
      Collection<OfferState> from,
      OfferState state,
      String reason,
      String actor,
      Instant now) {
    return jdbc.sql(
                "UPDATE site_offer SET state = :state, reason = :reason, decided_by = :actor,"
                    + " decided_at = :at, open_key = NULL WHERE id = :id AND state IN (:from)")
            .param("state", state.name())
            .param("reason", reason)
            .param("actor", actor)
            .param("at", Timestamps.toDb(now))
            .param("id", id)
            .param("from", from.stream().map(OfferState::name).toList())
            .update()
        == 1;
  }

  Optional<Offer> find(long id) {
    return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(OfferRepository::offer).optional();
  }

  /** Offers to these columns (null: to every column), newest first; state null for every state. */
  List<Offer> toColumns(Collection<Long> columnIds, OfferState state, int limit) {
    if (columnIds != null && columnIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            COLUMNS
                + (columnIds == null ? " WHERE 1 = 1" : " WHERE column_id IN (:columns)")
                + (state == null ? "" : " AND state = :state")
                + " ORDER BY offered_at DESC, id DESC FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param("columns", columnIds == null ? List.of(0L) : columnIds)
        .param("state", state == null ? "" : state.name())
        .query(OfferRepository::offer)
        .list();
  }

  /** Offers these agencies made, newest first; agencies null for every agency. */
  List<Offer> from(Collection<Long> agencyIds, int limit) {
    if (agencyIds != null && agencyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            COLUMNS
                + (agencyIds == null ? " WHERE 1 = 1" : " WHERE agency_id IN (:agencies)")
                + " ORDER BY offered_at DESC, id DESC FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param("agencies", agencyIds == null ? List.of(0L) : agencyIds)
        .query(OfferRepository::offer)
        .list();
  }

  /** Every accepted offer, for the public pages' snapshot. */
  void forEachAccepted(Consumer<Offer> each) {
    jdbc.sql(COLUMNS + " WHERE state = 'ACCEPTED'")
        .query((ResultSet rs) -> each.accept(offer(rs, 0)));
  }

  /** Documents the agency offered in [from, to), and of those how many were accepted. */
  Offers.Tally tally(long agencyId, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN state = 'ACCEPTED' THEN 1 ELSE 0 END), 0)"
                + " FROM site_offer WHERE agency_id = ? AND offered_at >= ? AND offered_at < ?")
        .params(agencyId, Timestamps.toDb(from), Timestamps.toDb(to))
        .query((rs, n) -> new Offers.Tally(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private static Offer offer(ResultSet rs, int n) throws SQLException {
    OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
    return new Offer(
        rs.getLong("id"),
        rs.getLong("document_id"),
        rs.getLong("agency_id"),
        rs.getLong("site_id"),
        rs.getLong("column_id"),
        OfferState.valueOf(rs.getString("state")),
        rs.getString("title"),
        rs.getString("note"),
        rs.getString("reason"),
        rs.getString("offered_by"),
        Timestamps.fromDb(rs.getObject("offered_at", OffsetDateTime.class)),
        rs.getString("decided_by"),
        decidedAt == null ? null : Timestamps.fromDb(decidedAt));
  }
}
