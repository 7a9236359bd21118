package org.gongkai.subscription.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail queue: notices (a publication for a subscription), mails (a reader's notices of one run,
 * or a confirmation), each mail claimed by a conditional update with a lease, and the send log.
 */
@Repository
class MailRepository {

  static final String CONFIRM = "CONFIRM";
  static final String IMMEDIATE = "IMMEDIATE";
  static final String DIGEST = "DIGEST";

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  MailRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * A notice for every confirmed subscription to the agency or one of the columns, unless it has
   * one for the document already; the number written.
   */
  int noticeFollowers(long documentId, long agencyId, List<Long> columnIds, Instant now) {
    String sql =
        "INSERT INTO subscription_notice (subscription_id, subscriber_id, document_id, frequency,"
            + " created_at) SELECT s.id, s.subscriber_id, ?, s.frequency, CAST(? AS TIMESTAMP WITH TIME ZONE) FROM"
            + " subscription s"
            + " WHERE s.state = 'CONFIRMED' AND ((s.kind = 'AGENCY' AND s.agency_id = ?) OR"
            + " (s.kind = 'COLUMN' AND s.column_id IN ("
            + placeholders(columnIds.size())
            + "))) AND NOT EXISTS (SELECT 1 FROM subscription_notice n WHERE n.subscription_id ="
            + " s.id AND n.document_id = ?)";
    List<Object> params = new ArrayList<>();
    params.add(documentId);
    params.add(Timestamp.from(now));
    params.add(agencyId);
    params.addAll(columnIds);
    params.add(documentId);
    return jdbc.sql(sql).params(params).update();
  }

  /**
   * A notice for every confirmed subscription to the topic, unless it has one for the document
   * already; the number written.
   */
  int noticeTopicFollowers(long topicId, long documentId, Instant now) {
    return jdbc.sql(
            "INSERT INTO subscription_notice (subscription_id, subscriber_id, document_id,"
                + " frequency, created_at) SELECT s.id, s.subscriber_id, ?, s.frequency, CAST(? AS"
                + " TIMESTAMP WITH TIME ZONE) FROM subscription s WHERE s.state = 'CONFIRMED' AND"
                + " s.kind = 'TOPIC' AND s.topic_id = ? AND NOT EXISTS (SELECT 1 FROM"
                + " subscription_notice n WHERE n.subscription_id = s.id AND n.document_id = ?)")
        .params(documentId, Timestamp.from(now), topicId, documentId)
        .update();
  }

  /** A notice for one subscription; false if it had one for the document already. */
  boolean notice(Subscription s, long documentId, Instant now) {
    try {
      return jdbc.sql(
                  "INSERT INTO subscription_notice (subscription_id, subscriber_id, document_id,"
                      + " frequency, created_at) SELECT ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE"
                      + " NOT EXISTS (SELECT 1 FROM subscription_notice WHERE subscription_id = ?"
                      + " AND document_id = ?)")
              .params(
                  s.id(),
                  s.subscriberId(),
                  documentId,
                  s.frequency().name(),
                  Timestamp.from(now),
                  s.id(),
                  documentId)
              .update()
          == 1;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  /** Records a first publication for the saved searches, when any is confirmed. */
  void recordPublication(long documentId, Instant publishedAt) {
    if (jdbc.sql("SELECT COUNT(*) FROM subscription WHERE state = 'CONFIRMED' AND kind = 'QUERY'")
            .query(Long.class)
            .single()
        == 0) {
      return;
    }
    try {
      jdbc.sql(
              "INSERT INTO subscription_publication (document_id, published_at, queried) SELECT ?,"
                  + " CAST(? AS TIMESTAMP WITH TIME ZONE), FALSE WHERE NOT EXISTS (SELECT 1 FROM"
                  + " subscription_publication WHERE document_id = ?)")
          .params(documentId, Timestamp.from(publishedAt), documentId)
          .update();
    } catch (DuplicateKeyException alreadyThere) {
      // Recorded by an earlier run of the listener.
    }
  }

  record Publication(long documentId, Instant publishedAt) {}

  List<Publication> unqueried(Instant publishedBefore, int limit) {
    return jdbc.sql(
            "SELECT document_id, published_at FROM subscription_publication WHERE queried = FALSE"
                + " AND published_at <= ? ORDER BY published_at FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param(Timestamp.from(publishedBefore))
        .query(
            (rs, row) ->
                new Publication(
                    rs.getLong("document_id"), rs.getTimestamp("published_at").toInstant()))
        .list();
  }

  /** Forgets publications the saved searches have been run for. */
  void markQueried(List<Long> documentIds) {
    if (documentIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            "DELETE FROM subscription_publication WHERE document_id IN ("
                + placeholders(documentIds.size())
                + ")")
        .params(new ArrayList<Object>(documentIds))
        .update();
  }

  /**
   * Gathers the open notices of a frequency written up to {@code upTo} into one new mail per
   * reader: the mails are written under a key of this run, the notices then taken by the mail of
   * their reader unless another run took them first, and mails left without notices removed. The
   * number of mails written.
   */
  int gather(String frequency, String kind, Instant upTo, String batchKey, Instant now) {
    Timestamp until = Timestamp.from(upTo);
    // Held until the transaction ends: one node gathers at a time, the next sees its work done.
    jdbc.sql("UPDATE subscription_lock SET locked_at = ? WHERE name = 'gather'")
        .param(Timestamp.from(now))
        .update();
    jdbc.sql(
            "INSERT INTO subscription_mail (subscriber_id, kind, batch_key, state, attempts,"
                + " next_attempt_at, created_at) SELECT DISTINCT n.subscriber_id, ?, ?, 'PENDING',"
                + " 0, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE) FROM subscription_notice n WHERE n.mail_id IS NULL AND n.frequency = ?"
                + " AND n.created_at <= ?")
        .params(kind, batchKey, Timestamp.from(now), Timestamp.from(now), frequency, until)
        .update();
    jdbc.sql(
            "UPDATE subscription_notice SET mail_id = (SELECT m.id FROM subscription_mail m WHERE"
                + " m.batch_key = ? AND m.subscriber_id = subscription_notice.subscriber_id) WHERE"
                + " mail_id IS NULL AND frequency = ? AND created_at <= ? AND EXISTS (SELECT 1 FROM"
                + " subscription_mail m WHERE m.batch_key = ? AND m.subscriber_id ="
                + " subscription_notice.subscriber_id)")
        .params(batchKey, frequency, until, batchKey)
        .update();
    jdbc.sql(
            "DELETE FROM subscription_mail WHERE batch_key = ? AND NOT EXISTS (SELECT 1 FROM"
                + " subscription_notice n WHERE n.mail_id = subscription_mail.id)")
        .param(batchKey)
        .update();
    return jdbc.sql("SELECT COUNT(*) FROM subscription_mail WHERE batch_key = ?")
        .param(batchKey)
        .query(Integer.class)
        .single();
  }

  /** A confirmation mail for the subscription, due now. */
  void enqueueConfirmation(long subscriberId, long subscriptionId, Instant now) {
    jdbc.sql(
            "INSERT INTO subscription_mail (subscriber_id, kind, subscription_id, state, attempts,"
                + " next_attempt_at, created_at) VALUES (?, 'CONFIRM', ?, 'PENDING', 0, ?, ?)")
        .params(subscriberId, subscriptionId, Timestamp.from(now), Timestamp.from(now))
        .update();
  }

  /** Rows a node may try to claim: due pending ones and ones whose lease ran out. */
  List<Long> claimable(Instant now, int limit) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql(
            "SELECT id FROM subscription_mail WHERE (state = 'PENDING' AND next_attempt_at <= ?)"
                + " OR (state = 'SENDING' AND lease_until < ?) ORDER BY next_attempt_at, id"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .params(at, at)
        .query(Long.class)
        .list();
  }

  /**
   * Claims those of the rows still claimable for this claim (a node and run), until the lease runs
   * out; the ids this claim got.
   */
  List<Long> claim(List<Long> ids, String claim, Instant now, Instant leaseUntil) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Timestamp at = Timestamp.from(now);
    List<Object> params = new ArrayList<>();
    params.add(claim);
    params.add(Timestamp.from(leaseUntil));
    params.addAll(ids);
    params.add(at);
    params.add(at);
    try {
      jdbc.sql(
              "UPDATE subscription_mail SET state = 'SENDING', claimed_by = ?, lease_until = ?"
                  + " WHERE id IN ("
                  + placeholders(ids.size())
                  + ") AND ((state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND"
                  + " lease_until < ?))")
          .params(params)
          .update();
    } catch (PessimisticLockingFailureException anotherNodeHasThem) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id FROM subscription_mail WHERE claimed_by = ? AND state = 'SENDING' ORDER BY"
                + " id")
        .param(claim)
        .query(Long.class)
        .list();
  }

  record Outgoing(long id, long subscriberId, String kind, Long subscriptionId, int attempts) {}

  List<Outgoing> outgoing(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id, subscriber_id, kind, subscription_id, attempts FROM subscription_mail"
                + " WHERE id IN ("
                + placeholders(ids.size())
                + ") ORDER BY id")
        .params(new ArrayList<Object>(ids))
        .query(
            (rs, row) ->
                new Outgoing(
                    rs.getLong("id"),
                    rs.getLong("subscriber_id"),
                    rs.getString("kind"),
                    rs.getObject("subscription_id", Long.class),
                    rs.getInt("attempts")))
        .list();
  }

  record Item(long mailId, long subscriptionId, long documentId) {}

  /** The notices of these mails, in the order they were written. */
  List<Item> items(List<Long> mailIds) {
    if (mailIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT mail_id, subscription_id, document_id FROM subscription_notice WHERE mail_id"
                + " IN ("
                + placeholders(mailIds.size())
                + ") ORDER BY id")
        .params(new ArrayList<Object>(mailIds))
        .query(
            (rs, row) ->
                new Item(
                    rs.getLong("mail_id"),
                    rs.getLong("subscription_id"),
                    rs.getLong("document_id")))
        .list();
  }

  /** Records the outcome, if this claim still holds the row. */
  boolean finish(
      long id,
      String claim,
      String state,
      int attempts,
      Instant nextAttemptAt,
      String error,
      Instant sentAt) {
    return jdbc.sql(
                "UPDATE subscription_mail SET state = ?, attempts = ?, next_attempt_at = ?,"
                    + " last_error = ?, sent_at = ?, claimed_by = NULL, lease_until = NULL WHERE"
                    + " id = ? AND state = 'SENDING' AND claimed_by = ?")
            .params(
                state,
                attempts,
                Timestamp.from(nextAttemptAt),
                error,
                sentAt == null ? null : Timestamp.from(sentAt),
                id,
                claim)
            .update()
        == 1;
  }

  /** Marks every mail of this claim sent, in one statement; the number marked. */
  int finishAllSent(List<Long> ids, String claim, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    List<Object> params = new ArrayList<>();
    params.add(Timestamp.from(now));
    params.add(Timestamp.from(now));
    params.addAll(ids);
    params.add(claim);
    return jdbc.sql(
            "UPDATE subscription_mail SET state = 'SENT', attempts = attempts + 1, next_attempt_at"
                + " = ?, sent_at = ?, last_error = NULL, claimed_by = NULL, lease_until = NULL"
                + " WHERE id IN ("
                + placeholders(ids.size())
                + ") AND state = 'SENDING' AND claimed_by = ?")
        .params(params)
        .update();
  }

  /** One line of the send log. */
  record Attempt(long mailId, String outcome, String error) {}

  /** Writes the attempts of a run into the send log, in one batch. */
  void log(List<Attempt> attempts, Instant at, String node) {
    if (attempts.isEmpty()) {
      return;
    }
    Timestamp when = Timestamp.from(at);
    batches.batchUpdate(
        "INSERT INTO subscription_send (mail_id, attempted_at, node, outcome, error) VALUES (?, ?,"
            + " ?, ?, ?)",
        attempts.stream()
            .map(a -> new Object[] {a.mailId(), when, node, a.outcome(), a.error()})
            .toList());
  }

  /**
   * Removes the mails finished (sent, failed or cancelled) before {@code before}, with their
   * notices and their lines in the send log, and send-log lines of that age; the number of mails
   * removed.
   */
  int deleteFinishedBefore(Instant before) {
    Timestamp at = Timestamp.from(before);
    String old =
        "SELECT id FROM subscription_mail WHERE state IN ('SENT', 'FAILED', 'CANCELLED') AND"
            + " created_at < ?";
    jdbc.sql("DELETE FROM subscription_send WHERE attempted_at < ? OR mail_id IN (" + old + ")")
        .params(at, at)
        .update();
    jdbc.sql("DELETE FROM subscription_notice WHERE mail_id IN (" + old + ")").param(at).update();
    return jdbc.sql(
            "DELETE FROM subscription_mail WHERE state IN ('SENT', 'FAILED', 'CANCELLED') AND"
                + " created_at < ?")
        .param(at)
        .update();
  }

  /** Stops the reader's mails that are still waiting. */
  void cancelPending(long subscriberId) {
    jdbc.sql(
            "UPDATE subscription_mail SET state = 'CANCELLED' WHERE subscriber_id = ? AND state ="
                + " 'PENDING'")
        .param(subscriberId)
        .update();
  }

  /** Drops the open notices of an ended subscription. */
  void dropOpenNotices(long subscriptionId) {
    jdbc.sql("DELETE FROM subscription_notice WHERE subscription_id = ? AND mail_id IS NULL")
        .param(subscriptionId)
        .update();
  }

  static String placeholders(int n) {
    return java.util.Collections.nCopies(n, "?").stream().collect(Collectors.joining(", "));
  }
}
