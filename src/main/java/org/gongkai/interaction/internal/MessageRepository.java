package org.gongkai.interaction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.interaction.MailboxFigures;
import org.gongkai.interaction.MessageType;
import org.gongkai.interaction.internal.MailboxViews.State;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Mailbox messages, their history and their reminders. */
@Repository
class MessageRepository {

  static final String PHONE = "mailbox_message.phone";
  static final String EMAIL = "mailbox_message.email";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  MessageRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.cipher = cipher;
    this.jdbc = jdbc;
  }

  /**
   * A stored message, with the sender's details: they leave the module masked except on the
   * message's own page.
   */
  record Row(
      long id,
      long agencyId,
      String trackingCode,
      MessageType type,
      boolean toHead,
      String title,
      String content,
      String name,
      String phone,
      String email,
      boolean publicConsent,
      State state,
      String unit,
      LocalDate receivedOn,
      LocalDate dueOn,
      String reply,
      LocalDate repliedOn,
      Integer rating,
      String ratingComment,
      boolean published) {}

  long insert(
      long agencyId,
      String code,
      MailboxViews.Form form,
      LocalDate receivedOn,
      LocalDate dueOn,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO mailbox_message (agency_id, tracking_code, type, to_head, title, content, author_name, phone,"
                + " email, public_consent, state, received_on, due_on, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'RECEIVED', ?, ?, ?)")
        .params(
            agencyId,
            code,
            form.type().name(),
            Boolean.TRUE.equals(form.toHead()),
            form.title().strip(),
            form.content().strip(),
            blank(form.name()),
            null,
            null,
            Boolean.TRUE.equals(form.publicConsent()),
            receivedOn,
            dueOn,
            Timestamps.toDb(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    // Sealed once the row has its id, which each value is bound to.
    jdbc.sql("UPDATE mailbox_message SET phone = ?, email = ? WHERE id = ?")
        .params(
            cipher.seal(PHONE, id, blank(form.phone())),
            cipher.seal(EMAIL, id, blank(form.email())),
            id)
        .update();
    return id;
  }

  /** Who wrote the reply. */
  Optional<String> repliedBy(long id) {
    return jdbc.sql("SELECT replied_by FROM mailbox_message WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("SELECT * FROM mailbox_message WHERE id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  Optional<Row> lock(long id) {
    return jdbc.sql("SELECT * FROM mailbox_message WHERE id = ? FOR UPDATE")
        .param(id)
        .query(this::row)
        .optional();
  }

  Optional<Row> byCode(String code) {
    return jdbc.sql("SELECT * FROM mailbox_message WHERE tracking_code = ?")
        .param(code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
        .query(this::row)
        .optional();
  }

  long count(String where, Map<String, Object> params) {
    return jdbc.sql("SELECT COUNT(*) FROM mailbox_message" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  List<Row> list(String where, Map<String, Object> params, int limit) {
    return jdbc.sql(
            "SELECT * FROM mailbox_message"
                + where
                + " ORDER BY due_on, id FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .params(params)
        .query(this::row)
        .list();
  }

  List<Row> published(Long agencyId) {
    String where = agencyId == null ? "" : " AND agency_id = :agency";
    var spec =
        jdbc.sql(
            "SELECT * FROM mailbox_message WHERE published = TRUE"
                + where
                + " ORDER BY replied_on DESC, id DESC FETCH FIRST 200 ROWS ONLY");
    if (agencyId != null) {
      spec = spec.param("agency", agencyId);
    }
    return spec.query(this::row).list();
  }

  void setUnit(long id, String unit) {
    jdbc.sql("UPDATE mailbox_message SET unit = ? WHERE id = ?").params(unit, id).update();
  }

  void transfer(long id, long agencyId) {
    jdbc.sql("UPDATE mailbox_message SET agency_id = ?, unit = NULL WHERE id = ?")
        .params(agencyId, id)
        .update();
  }

  void conclude(long id, State state, String reply, LocalDate on, String actor) {
    jdbc.sql(
            "UPDATE mailbox_message SET state = ?, reply = ?, replied_on = ?, replied_by = ? WHERE id = ?")
        .params(state.name(), reply, on, actor, id)
        .update();
  }

  void setPublished(long id, boolean published) {
    jdbc.sql("UPDATE mailbox_message SET published = ? WHERE id = ?")
        .params(published, id)
        .update();
  }

  void rate(long id, int rating, String comment) {
    jdbc.sql("UPDATE mailbox_message SET rating = ?, rating_comment = ? WHERE id = ?")
        .params(rating, comment, id)
        .update();
  }

  void addEvent(
      long id, String kind, String detail, LocalDate effectiveOn, String actor, Instant now) {
    jdbc.sql(
            "INSERT INTO mailbox_event (message_id, kind, detail, effective_on, actor, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(id, kind, detail, effectiveOn, actor, Timestamps.toDb(now))
        .update();
  }

  List<MailboxViews.Event> events(long id) {
    return jdbc.sql(
            "SELECT kind, detail, effective_on, actor, recorded_at FROM mailbox_event WHERE message_id = ?"
                + " ORDER BY id")
        .param(id)
        .query(
            (rs, i) ->
                new MailboxViews.Event(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4),
                    Timestamps.fromDb(rs.getObject(5, OffsetDateTime.class))))
        .list();
  }

  /** The latest day a step of the message took effect, so that no later step may precede it. */
  Optional<LocalDate> lastStepOn(long id) {
    return jdbc.sql("SELECT MAX(effective_on) FROM mailbox_event WHERE message_id = ?")
        .param(id)
        .query(LocalDate.class)
        .optional();
  }

  Optional<MessageRepository.Row> oldestOpen(long agencyId) {
    return jdbc.sql(
            "SELECT * FROM mailbox_message WHERE agency_id = ? AND state = 'RECEIVED'"
                + " ORDER BY received_on, id FETCH FIRST 1 ROWS ONLY")
        .param(agencyId)
        .query(this::row)
        .optional();
  }

  List<MailboxFigures.MessageTiming> received(long agencyId, LocalDate first, LocalDate last) {
    return jdbc.sql(
            "SELECT id, tracking_code, received_on, due_on, replied_on FROM mailbox_message WHERE agency_id = ?"
                + " AND state <> 'SPAM' AND received_on BETWEEN ? AND ? ORDER BY received_on, id")
        .params(agencyId, first, last)
        .query(
            (rs, i) ->
                new MailboxFigures.MessageTiming(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }

  MailboxFigures.MailboxYear year(Collection<Long> agencyIds, int year) {
    if (agencyIds.isEmpty()) {
      return new MailboxFigures.MailboxYear(0, 0, 0, 0);
    }
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    int received =
        jdbc.sql(
                "SELECT COUNT(*) FROM mailbox_message WHERE agency_id IN (:agencies)"
                    + " AND state <> 'SPAM' AND received_on BETWEEN :first AND :last")
            .param("agencies", agencyIds)
            .param("first", first)
            .param("last", last)
            .query(Integer.class)
            .single();
    List<LocalDate[]> concluded =
        jdbc.sql(
                "SELECT received_on, replied_on, published FROM mailbox_message"
                    + " WHERE agency_id IN (:agencies) AND state <> 'SPAM'"
                    + " AND replied_on BETWEEN :first AND :last")
            .param("agencies", agencyIds)
            .param("first", first)
            .param("last", last)
            .query(
                (rs, i) ->
                    new LocalDate[] {
                      rs.getObject(1, LocalDate.class),
                      rs.getObject(2, LocalDate.class),
                      rs.getBoolean(3) ? first : null
                    })
            .list();
    long days = 0;
    int published = 0;
    for (LocalDate[] row : concluded) {
      days += Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(row[0], row[1]));
      published += row[2] == null ? 0 : 1;
    }
    return new MailboxFigures.MailboxYear(received, concluded.size(), days, published);
  }

  /** Of the messages answered since the day, the one answered longest after it arrived. */
  Optional<MailboxFigures.LateReply> slowestReplySince(long agencyId, LocalDate since) {
    return jdbc
        .sql(
            "SELECT received_on, replied_on FROM mailbox_message WHERE agency_id = ? AND state = 'REPLIED'"
                + " AND replied_on >= ?")
        .params(agencyId, since)
        .query(
            (rs, i) ->
                new MailboxFigures.LateReply(
                    rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
        .list()
        .stream()
        .max(
            Comparator.comparingLong(
                r -> r.repliedOn().toEpochDay() - r.receivedOn().toEpochDay()));
  }

  List<Row> openDueBy(LocalDate day) {
    return jdbc.sql("SELECT * FROM mailbox_message WHERE state = 'RECEIVED' AND due_on <= ?")
        .param(day)
        .query(this::row)
        .list();
  }

  void addReminder(long agencyId, long messageId, String kind, LocalDate on) {
    jdbc.sql(
            "INSERT INTO mailbox_notification (agency_id, message_id, kind, notified_on) VALUES (?, ?, ?, ?)")
        .params(agencyId, messageId, kind, on)
        .update();
  }

  List<MailboxViews.Reminder> reminders(Collection<Long> scope, LocalDate today) {
    return jdbc.sql(
            "SELECT m.tracking_code, m.id, n.kind, n.notified_on FROM mailbox_notification n JOIN mailbox_message m"
                + " ON m.id = n.message_id WHERE n.agency_id IN (:scope) AND m.state = 'RECEIVED' AND n.notified_on = :today"
                + " ORDER BY n.kind, m.due_on")
        .param("scope", scope)
        .param("today", today)
        .query(
            (rs, i) ->
                new MailboxViews.Reminder(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  Row row(ResultSet rs, int i) throws SQLException {
    long id = rs.getLong("id");
    return new Row(
        id,
        rs.getLong("agency_id"),
        rs.getString("tracking_code"),
        MessageType.valueOf(rs.getString("type")),
        rs.getBoolean("to_head"),
        rs.getString("title"),
        rs.getString("content"),
        rs.getString("author_name"),
        cipher.open(PHONE, id, rs.getString("phone")),
        cipher.open(EMAIL, id, rs.getString("email")),
        rs.getBoolean("public_consent"),
        State.valueOf(rs.getString("state")),
        rs.getString("unit"),
        rs.getObject("received_on", LocalDate.class),
        rs.getObject("due_on", LocalDate.class),
        rs.getString("reply"),
        rs.getObject("replied_on", LocalDate.class),
        (Integer) rs.getObject("rating"),
        rs.getString("rating_comment"),
        rs.getBoolean("published"));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
