package org.gongkai.syndication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongkai.syndication.Delivery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox: one row per event and endpoint. A node claims a due row by a conditional update
 * (pending and due, or sending with an expired lease), so two nodes never both take it and a row
 * left by a node that died is taken again once its lease has run out.
 */
@Repository
class DeliveryRepository {

  private static final String COLUMNS =
      "id, endpoint_id, delivery_key, event_type, document_id, state, attempts, next_attempt_at,"
          + " last_status, last_error, created_at, delivered_at";

  private final JdbcClient jdbc;

  DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the delivery unless this event is already in the outbox for the endpoint. */
  boolean enqueue(
      long endpointId,
      String eventKey,
      String deliveryKey,
      String eventType,
      long documentId,
      String payload,
      Instant now) {
    if (jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND event_key = ?")
            .params(endpointId, eventKey)
            .query(Long.class)
            .single()
        > 0) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO webhook_delivery (endpoint_id, event_key, delivery_key, event_type,"
                  + " document_id, payload, state, attempts, next_attempt_at, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
          .params(
              endpointId,
              eventKey,
              deliveryKey,
              eventType,
              documentId,
              payload,
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Whether the endpoint was ever sent this document (its withdrawal then goes there too). */
  boolean hasDocument(long endpointId, long documentId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND document_id = ?")
            .params(endpointId, documentId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Rows a node may try to claim: due pending ones and ones whose lease ran out. */
  List<Long> claimable(Instant now, int limit) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql(
            "SELECT id FROM webhook_delivery WHERE (state = 'PENDING' AND next_attempt_at <= ?)"
                + " OR (state = 'SENDING' AND lease_until < ?) ORDER BY next_attempt_at, id"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .params(at, at)
        .query(Long.class)
        .list();
  }

  /** Claims the row for this node until the lease runs out; false if another node has it. */
  boolean claim(long id, String node, Instant now, Instant leaseUntil) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql(
                "UPDATE webhook_delivery SET state = 'SENDING', claimed_by = ?, lease_until = ?"
                    + " WHERE id = ? AND ((state = 'PENDING' AND next_attempt_at <= ?)"
                    + " OR (state = 'SENDING' AND lease_until < ?))")
            .params(node, Timestamp.from(leaseUntil), id, at, at)
            .update()
        == 1;
  }

  record Outgoing(long id, long endpointId, String deliveryKey, String payload, int attempts) {}

  Outgoing outgoing(long id) {
    return jdbc.sql(
            "SELECT id, endpoint_id, delivery_key, payload, attempts FROM webhook_delivery"
                + " WHERE id = ?")
        .param(id)
        .query(
            (rs, row) ->
                new Outgoing(
                    rs.getLong("id"),
                    rs.getLong("endpoint_id"),
                    rs.getString("delivery_key"),
                    rs.getString("payload"),
                    rs.getInt("attempts")))
        .single();
  }

  /** Records the outcome, if this node still holds the row. */
  boolean finish(
      long id,
      String node,
      String state,
      int attempts,
      Instant nextAttemptAt,
      Integer status,
      String error,
      Instant deliveredAt) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET state = ?, attempts = ?, next_attempt_at = ?,"
                    + " last_status = ?, last_error = ?, delivered_at = ?, claimed_by = NULL,"
                    + " lease_until = NULL WHERE id = ? AND state = 'SENDING' AND claimed_by = ?")
            .params(
                state,
                attempts,
                Timestamp.from(nextAttemptAt),
                status,
                error,
                deliveredAt == null ? null : Timestamp.from(deliveredAt),
                id,
                node)
            .update()
        == 1;
  }

  void logAttempt(
      long deliveryId, Instant at, String node, Integer status, String error, long millis) {
    jdbc.sql(
            "INSERT INTO webhook_attempt (delivery_id, attempted_at, node, status, error,"
                + " duration_ms) VALUES (?, ?, ?, ?, ?, ?)")
        .params(deliveryId, Timestamp.from(at), node, status, error, millis)
        .update();
  }

  /** Puts a delivery back in the queue, due now, with its attempts counted afresh. */
  boolean redeliver(long id, Instant now) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                    + " claimed_by = NULL, lease_until = NULL WHERE id = ? AND state <> 'SENDING'")
            .params(Timestamp.from(now), id)
            .update()
        == 1;
  }

  Optional<Delivery> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = ?")
        .param(id)
        .query(DeliveryRepository::delivery)
        .optional();
  }

  List<Delivery> recent(long endpointId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id DESC"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param(endpointId)
        .query(DeliveryRepository::delivery)
        .list();
  }

  /** The attempts of a delivery, oldest first. */
  List<Attempt> attempts(long deliveryId) {
    return jdbc.sql(
            "SELECT attempted_at, node, status, error, duration_ms FROM webhook_attempt"
                + " WHERE delivery_id = ? ORDER BY id")
        .param(deliveryId)
        .query(
            (rs, row) ->
                new Attempt(
                    rs.getTimestamp("attempted_at").toInstant(),
                    rs.getString("node"),
                    (Integer) rs.getObject("status", Integer.class),
                    rs.getString("error"),
                    rs.getLong("duration_ms")))
        .list();
  }

  record Attempt(Instant at, String node, Integer status, String error, long durationMillis) {}

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    return new Delivery(
        rs.getLong("id"),
        rs.getLong("endpoint_id"),
        rs.getString("delivery_key"),
        rs.getString("event_type"),
        rs.getLong("document_id"),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        rs.getObject("last_status", Integer.class),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        delivered == null ? null : delivered.toInstant());
  }
}
