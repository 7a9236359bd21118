package org.gongkai.foi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.foi.Application;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RequestRepository {

  /** The encrypted fields, named as the cipher binds them. */
  static final String ID_NUMBER = "foi_request.id_number";

  static final String PHONE = "foi_request.phone";
  static final String EMAIL = "foi_request.email";
  static final String ADDRESS = "foi_request.address";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  RequestRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.cipher = cipher;
    this.jdbc = jdbc;
  }

  record NewRequest(
      long agencyId,
      String trackingCode,
      String idempotencyKey,
      String fingerprint,
      IntakeChannel channel,
      Application form,
      String idNumber,
      IdCopy idCopy,
      RequestState state,
      Instant now) {}

  record IdCopy(String name, String contentType, String sha256) {}

  long insert(NewRequest r) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    Application f = r.form();
    jdbc.sql(
            "INSERT INTO foi_request (agency_id, tracking_code, idempotency_key, fingerprint, intake_channel,"
                + " applicant_type, applicant_name, id_type, id_number, id_number_hash, phone, email, address, info_title,"
                + " info_doc_number,"
                + " description, purpose, information_form, delivery_channel, id_copy_name, id_copy_type, id_copy_sha256,"
                + " state, submitted_at, updated_at) VALUES (:agency, :code, :key, :fp, :channel, :type, :name, :idType,"
                + " :idNumber, :idHash, :phone, :email, :address, :title, :docNumber, :description, :purpose, :form, :delivery,"
                + " :copyName, :copyType, :copySha, :state, :now, :now)")
        .param("agency", r.agencyId())
        .param("code", r.trackingCode())
        .param("key", r.idempotencyKey())
        .param("fp", r.fingerprint())
        .param("channel", r.channel().name())
        .param("type", f.getApplicantType().name())
        .param("name", f.getName().trim())
        .param("idType", f.getIdType().name())
        .param("idNumber", null)
        .param("idHash", cipher.lookupHash(r.idNumber()))
        .param("phone", null)
        .param("email", null)
        .param("address", null)
        .param("title", blankToNull(f.getTitle()))
        .param("docNumber", blankToNull(f.getDocNumber()))
        .param("description", f.getDescription().trim())
        .param("purpose", blankToNull(f.getPurpose()))
        .param("form", f.getInformationForm().name())
        .param("delivery", f.getDeliveryChannel().name())
        .param("copyName", r.idCopy() == null ? null : r.idCopy().name())
        .param("copyType", r.idCopy() == null ? null : r.idCopy().contentType())
        .param("copySha", r.idCopy() == null ? null : r.idCopy().sha256())
        .param("state", r.state().name())
        .param("now", Timestamps.toDb(r.now()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    // Sealed once the row has its id, which each value is bound to.
    jdbc.sql("UPDATE foi_request SET id_number = ?, phone = ?, email = ?, address = ? WHERE id = ?")
        .params(
            cipher.seal(ID_NUMBER, id, r.idNumber()),
            cipher.seal(PHONE, id, blankToNull(f.getPhone())),
            cipher.seal(EMAIL, id, blankToNull(f.getEmail())),
            cipher.seal(ADDRESS, id, blankToNull(f.getAddress())),
            id)
        .update();
    return id;
  }

  Optional<RequestRow> find(long id) {
    return jdbc.sql("SELECT * FROM foi_request WHERE id = ?").param(id).query(this::row).optional();
  }

  /** Reads the request under a row lock, so that two staff acting at once take turns. */
  Optional<RequestRow> lock(long id) {
    return jdbc.sql("SELECT * FROM foi_request WHERE id = ? FOR UPDATE")
        .param(id)
        .query(this::row)
        .optional();
  }

  Optional<RequestRow> findByTrackingCode(String code) {
    return jdbc.sql("SELECT * FROM foi_request WHERE tracking_code = ?")
        .param(code)
        .query(this::row)
        .optional();
  }

  record KeyedRequest(String trackingCode, String fingerprint) {}

  Optional<KeyedRequest> findByIdempotencyKey(String key) {
    return jdbc.sql("SELECT tracking_code, fingerprint FROM foi_request WHERE idempotency_key = ?")
        .param(key)
        .query((rs, i) -> new KeyedRequest(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /**
   * A page of requests; {@code orderBy} is one of the orders the staff list offers, never input.
   */
  List<RequestRow> list(
      Collection<Long> agencies,
      String where,
      Map<String, Object> params,
      String orderBy,
      int offset,
      int limit) {
    return jdbc.sql(
            "SELECT * FROM foi_request WHERE agency_id IN (:agencies)"
                + where
                + " ORDER BY "
                + orderBy
                + " OFFSET "
                + offset
                + " ROWS FETCH NEXT "
                + limit
                + " ROWS ONLY")
        .param("agencies", agencies)
        .params(params)
        .query(this::row)
        .list();
  }

  long count(Collection<Long> agencies, String where, Map<String, Object> params) {
    return jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE agency_id IN (:agencies)" + where)
        .param("agencies", agencies)
        .params(params)
        .query(Long.class)
        .single();
  }

  List<RequestRow> unconcluded() {
    return jdbc.sql(
            "SELECT * FROM foi_request WHERE state NOT IN ('REPLIED', 'CLOSED', 'SUBMITTED')")
        .query(this::row)
        .list();
  }

  /** Requests submitted online that nobody has registered yet, oldest first. */
  List<RequestRow> unregistered() {
    return jdbc.sql("SELECT * FROM foi_request WHERE state = 'SUBMITTED' ORDER BY id")
        .query(this::row)
        .list();
  }

  /**
   * Requests with a letter whose delivery is not recorded, concluded ones included: the reply's
   * receipt starts the applicant's time to seek review.
   */
  List<Long> withUndeliveredLetters() {
    return jdbc.sql(
            "SELECT DISTINCT l.request_id FROM foi_letter l WHERE NOT EXISTS"
                + " (SELECT 1 FROM foi_event e WHERE e.kind = 'DELIVERED' AND e.letter_id = l.id)"
                + " ORDER BY l.request_id")
        .query(Long.class)
        .list();
  }

  /** Ids of the requests still being handled, for the daily run to take one at a time. */
  List<Long> unconcludedIds() {
    return jdbc.sql(
            "SELECT id FROM foi_request WHERE state NOT IN ('REPLIED', 'CLOSED', 'SUBMITTED') ORDER BY id")
        .query(Long.class)
        .list();
  }

  void setAssignee(long id, long staffId) {
    jdbc.sql("UPDATE foi_request SET assignee_id = ? WHERE id = ?").params(staffId, id).update();
  }

  /**
   * Writes what the history decides into the request's row, where lists and statistics read it: the
   * row is a projection of the events, never the other way round.
   */
  void project(long id, RequestHistory h, String replyText, Instant now) {
    RequestHistory.Delivery delivery =
        h.replyLetterId() == null ? null : h.deliveries().get(h.replyLetterId());
    jdbc.sql(
            "UPDATE foi_request SET state = :state, received_on = :received, due_on = :due, outcome = :outcome,"
                + " concluded_on = :concluded, reply_detail = :reply, delivered_on = :deliveredOn,"
                + " delivery_method = :deliveredBy, fee_method = :feeMethod, fee_amount = :feeAmount,"
                + " recorded_late = :late, updated_at = :now"
                + " WHERE id = :id")
        .param("state", h.state().name())
        .param("received", h.receivedOn())
        .param("due", h.dueOn())
        .param("outcome", h.outcome() == null ? null : h.outcome().name())
        .param("concluded", h.concludedOn())
        .param("reply", replyText)
        .param("deliveredOn", delivery == null ? null : delivery.on())
        .param(
            "deliveredBy",
            delivery == null || delivery.channel() == null ? null : delivery.channel().name())
        .param("feeMethod", h.fee() == null ? null : h.fee().method())
        .param("feeAmount", h.fee() == null ? null : h.fee().amount())
        .param("late", h.recordedLate())
        .param("now", Timestamps.toDb(now))
        .param("id", id)
        .update();
  }

  void setDueOn(long id, LocalDate dueOn) {
    jdbc.sql("UPDATE foi_request SET due_on = ? WHERE id = ?").params(dueOn, id).update();
  }

  /**
   * Applications by the same applicant to the same agency received in the month, up to and
   * including this one.
   */
  int ordinalInMonth(RequestRow r) {
    LocalDate first = r.receivedOn().withDayOfMonth(1);
    return jdbc.sql(
            "SELECT COUNT(*) FROM foi_request WHERE agency_id = ? AND id_number_hash = ? AND received_on >= ?"
                + " AND (received_on < ? OR (received_on = ? AND id <= ?))")
        .params(
            r.agencyId(),
            cipher.lookupHash(r.idNumber()),
            first,
            r.receivedOn(),
            r.receivedOn(),
            r.id())
        .query(Integer.class)
        .single();
  }

  void addEvent(
      long requestId,
      EventKind kind,
      LocalDate effectiveOn,
      LocalDate untilOn,
      Integer days,
      String detail,
      String actor,
      Instant now) {
    append(
        requestId,
        RequestEvent.of(kind, effectiveOn, actor, now).until(untilOn).days(days).detail(detail));
  }

  /** Appends a step to the history; entries are never changed or removed. */
  void append(long requestId, RequestEvent e) {
    jdbc.sql(
            "INSERT INTO foi_event (request_id, kind, effective_on, until_on, days, detail, actor, recorded_at, outcome,"
                + " amount, letter_id, channel, approver, party_kind, reference, late_reason, proof_sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            requestId,
            e.kind().name(),
            e.effectiveOn(),
            e.untilOn(),
            e.days(),
            e.detail(),
            e.actor(),
            Timestamps.toDb(e.recordedAt()),
            e.outcome() == null ? null : e.outcome().name(),
            e.amount(),
            e.letterId(),
            e.channel() == null ? null : e.channel().name(),
            e.approver(),
            e.party() == null ? null : e.party().name(),
            e.reference(),
            e.lateReason(),
            e.proof())
        .update();
  }

  List<RequestEvent> events(long requestId) {
    return jdbc.sql("SELECT * FROM foi_event WHERE request_id = ? ORDER BY id")
        .param(requestId)
        .query(RequestRows::event)
        .list();
  }

  RequestRow row(ResultSet rs, int i) throws SQLException {
    return RequestRows.request(rs, cipher);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
