package org.gongkai.subscription.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.subscription.internal.Subscription.Frequency;
import org.gongkai.subscription.internal.Subscription.Kind;
import org.gongkai.subscription.internal.Subscription.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Readers and their subscriptions. A reader's address is sealed bound to its row and found by its
 * keyed hash; it is removed, with the hash, when the reader's last subscription ends.
 */
@Repository
class SubscriptionRepository {

  static final String EMAIL_FIELD = "subscriber.email";

  private static final String COLUMNS =
      "id, subscriber_id, kind, agency_id, column_id, query_text, query_topic, topic_id, frequency,"
          + " state, created_at, confirmed_at, ended_at, end_reason";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  SubscriptionRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** A reader of a site, with the address opened. */
  record Subscriber(long id, long siteId, String email, String tokenSalt, int failures) {}

  Optional<Long> subscriberByAddress(long siteId, String emailHash) {
    return jdbc.sql("SELECT id FROM subscriber WHERE site_id = ? AND email_hash = ?")
        .params(siteId, emailHash)
        .query(Long.class)
        .optional();
  }

  long insertSubscriber(long siteId, String email, String emailHash, String salt, Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO subscriber (site_id, email, email_hash, token_salt, failures, created_at)"
                + " VALUES (?, '-', ?, ?, 0, ?)")
        .params(siteId, emailHash, salt, Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE subscriber SET email = ? WHERE id = ?")
        .params(cipher.seal(EMAIL_FIELD, id, email), id)
        .update();
    return id;
  }

  Optional<Subscriber> subscriber(long id) {
    return jdbc.sql(
            "SELECT id, site_id, email, token_salt, failures FROM subscriber WHERE id = ?"
                + " AND purged_at IS NULL")
        .param(id)
        .query(
            (rs, row) ->
                new Subscriber(
                    rs.getLong("id"),
                    rs.getLong("site_id"),
                    cipher.open(EMAIL_FIELD, rs.getLong("id"), rs.getString("email")),
                    rs.getString("token_salt"),
                    rs.getInt("failures")))
        .optional();
  }

  /** The readers with these ids that still have an address, by id. */
  java.util.Map<Long, Subscriber> subscribers(java.util.Collection<Long> ids) {
    java.util.Map<Long, Subscriber> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT id, site_id, email, token_salt, failures FROM subscriber WHERE purged_at IS"
                + " NULL AND id IN ("
                + MailRepository.placeholders(ids.size())
                + ")")
        .params(new java.util.ArrayList<Object>(ids))
        .query(
            (rs, row) ->
                new Subscriber(
                    rs.getLong("id"),
                    rs.getLong("site_id"),
                    cipher.open(EMAIL_FIELD, rs.getLong("id"), rs.getString("email")),
                    rs.getString("token_salt"),
                    rs.getInt("failures")))
        .list()
        .forEach(r -> found.put(r.id(), r));
    return found;
  }

  /** The subscriptions with these ids, by id. */
  java.util.Map<Long, Subscription> subscriptions(java.util.Collection<Long> ids) {
    java.util.Map<Long, Subscription> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM subscription WHERE id IN ("
                + MailRepository.placeholders(ids.size())
                + ")")
        .params(new java.util.ArrayList<Object>(ids))
        .query(SubscriptionRepository::subscription)
        .list()
        .forEach(s -> found.put(s.id(), s));
    return found;
  }

  /** The readers of these ids, by id, whose address matches the lookup hash. */
  List<Long> subscribersByHash(String emailHash) {
    return jdbc.sql("SELECT id FROM subscriber WHERE email_hash = ? AND purged_at IS NULL")
        .param(emailHash)
        .query(Long.class)
        .list();
  }

  /** Counts a permanent failure of the reader's address; the count after it. */
  int countFailure(long subscriberId) {
    jdbc.sql("UPDATE subscriber SET failures = failures + 1 WHERE id = ?")
        .param(subscriberId)
        .update();
    return jdbc.sql("SELECT failures FROM subscriber WHERE id = ?")
        .param(subscriberId)
        .query(Integer.class)
        .single();
  }

  void clearFailures(long subscriberId) {
    jdbc.sql("UPDATE subscriber SET failures = 0 WHERE id = ?").param(subscriberId).update();
  }

  /** Removes the reader's address, keeping the row for the counts. */
  void purge(long subscriberId, Instant now) {
    jdbc.sql(
            "UPDATE subscriber SET email = NULL, email_hash = NULL, purged_at = ? WHERE id = ?"
                + " AND purged_at IS NULL")
        .params(Timestamp.from(now), subscriberId)
        .update();
  }

  /** Readers whose every subscription has ended and whose address is still kept. */
  List<Long> subscribersToPurge() {
    return jdbc.sql(
            "SELECT r.id FROM subscriber r WHERE r.purged_at IS NULL AND NOT EXISTS (SELECT 1"
                + " FROM subscription s WHERE s.subscriber_id = r.id AND s.state IN"
                + " ('PENDING', 'CONFIRMED'))")
        .query(Long.class)
        .list();
  }

  long insert(
      long subscriberId,
      Kind kind,
      Long agencyId,
      Long columnId,
      String queryText,
      String queryTopic,
      Long topicId,
      Frequency frequency,
      Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO subscription (subscriber_id, kind, agency_id, column_id, query_text,"
                + " query_topic, topic_id, frequency, state, created_at) VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?, 'PENDING', ?)")
        .params(
            subscriberId,
            kind.name(),
            agencyId,
            columnId,
            queryText,
            queryTopic,
            topicId,
            frequency.name(),
            Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Subscription> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ?")
        .param(id)
        .query(SubscriptionRepository::subscription)
        .optional();
  }

  List<Subscription> ofSubscriber(long subscriberId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE subscriber_id = ? ORDER BY id")
        .param(subscriberId)
        .query(SubscriptionRepository::subscription)
        .list();
  }

  /** The reader's active subscription to the same thing, if any. */
  Optional<Subscription> sameActive(
      long subscriberId,
      Kind kind,
      Long agencyId,
      Long columnId,
      String queryText,
      String queryTopic,
      Long topicId) {
    return ofSubscriber(subscriberId).stream()
        .filter(
            s ->
                s.state().active()
                    && s.kind() == kind
                    && java.util.Objects.equals(s.agencyId(), agencyId)
                    && java.util.Objects.equals(s.columnId(), columnId)
                    && java.util.Objects.equals(s.queryText(), queryText)
                    && java.util.Objects.equals(s.queryTopic(), queryTopic)
                    && java.util.Objects.equals(s.topicId(), topicId))
        .findFirst();
  }

  boolean confirm(long id, Instant now) {
    return jdbc.sql(
                "UPDATE subscription SET state = 'CONFIRMED', confirmed_at = ? WHERE id = ? AND"
                    + " state = 'PENDING'")
            .params(Timestamp.from(now), id)
            .update()
        == 1;
  }

  /** Ends an active subscription; false if it had already ended. */
  boolean end(long id, State state, String reason, Instant now) {
    return jdbc.sql(
                "UPDATE subscription SET state = ?, ended_at = ?, end_reason = ? WHERE id = ? AND"
                    + " state IN ('PENDING', 'CONFIRMED')")
            .params(state.name(), Timestamp.from(now), reason, id)
            .update()
        == 1;
  }

  void setFrequency(long id, Frequency frequency) {
    jdbc.sql("UPDATE subscription SET frequency = ? WHERE id = ?")
        .params(frequency.name(), id)
        .update();
  }

  /** Pending subscriptions created before {@code before}: their links have expired. */
  List<Subscription> unconfirmedBefore(Instant before) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM subscription WHERE state = 'PENDING' AND created_at < ? ORDER BY id")
        .param(Timestamp.from(before))
        .query(SubscriptionRepository::subscription)
        .list();
  }

  /** Confirmed saved searches. */
  List<Subscription> confirmedQueries() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM subscription WHERE state = 'CONFIRMED' AND kind = 'QUERY' ORDER BY id")
        .query(SubscriptionRepository::subscription)
        .list();
  }

  long siteOf(long subscriberId) {
    return jdbc.sql("SELECT site_id FROM subscriber WHERE id = ?")
        .param(subscriberId)
        .query(Long.class)
        .single();
  }

  private static Subscription subscription(ResultSet rs, int row) throws SQLException {
    Timestamp confirmed = rs.getTimestamp("confirmed_at");
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Subscription(
        rs.getLong("id"),
        rs.getLong("subscriber_id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getObject("agency_id", Long.class),
        rs.getObject("column_id", Long.class),
        rs.getString("query_text"),
        rs.getString("query_topic"),
        rs.getObject("topic_id", Long.class),
        Frequency.valueOf(rs.getString("frequency")),
        State.valueOf(rs.getString("state")),
        rs.getTimestamp("created_at").toInstant(),
        confirmed == null ? null : confirmed.toInstant(),
        ended == null ? null : ended.toInstant(),
        rs.getString("end_reason"));
  }
}
