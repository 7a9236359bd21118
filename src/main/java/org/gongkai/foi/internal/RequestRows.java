package org.gongkai.foi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.time.Timestamps;

/** Maps rows of foi_request and foi_event to records. */
final class RequestRows {

  private RequestRows() {}

  /** A request's row, its personal data opened with {@code cipher}. */
  static RequestRow request(ResultSet rs, PersonalDataCipher cipher) throws SQLException {
    long id = rs.getLong("id");
    return new RequestRow(
        id,
        rs.getLong("agency_id"),
        rs.getString("tracking_code"),
        IntakeChannel.valueOf(rs.getString("intake_channel")),
        ApplicantType.valueOf(rs.getString("applicant_type")),
        rs.getString("applicant_name"),
        IdType.valueOf(rs.getString("id_type")),
        cipher.open(RequestRepository.ID_NUMBER, id, rs.getString("id_number")),
        cipher.open(RequestRepository.PHONE, id, rs.getString("phone")),
        cipher.open(RequestRepository.EMAIL, id, rs.getString("email")),
        cipher.open(RequestRepository.ADDRESS, id, rs.getString("address")),
        rs.getString("info_title"),
        rs.getString("info_doc_number"),
        rs.getString("description"),
        rs.getString("purpose"),
        InformationForm.valueOf(rs.getString("information_form")),
        DeliveryChannel.valueOf(rs.getString("delivery_channel")),
        rs.getString("id_copy_name"),
        rs.getString("id_copy_type"),
        rs.getString("id_copy_sha256"),
        RequestState.valueOf(rs.getString("state")),
        Timestamps.fromDb(rs.getObject("submitted_at", OffsetDateTime.class)),
        rs.getObject("received_on", LocalDate.class),
        rs.getObject("due_on", LocalDate.class),
        (Long) rs.getObject("assignee_id", Long.class),
        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
        rs.getObject("concluded_on", LocalDate.class),
        rs.getString("reply_detail"),
        rs.getObject("delivered_on", LocalDate.class),
        rs.getString("delivery_method") == null
            ? null
            : DeliveryChannel.valueOf(rs.getString("delivery_method")),
        rs.getString("fee_method"),
        rs.getBigDecimal("fee_amount"));
  }

  static RequestEvent event(ResultSet rs, int row) throws SQLException {
    return new RequestEvent(
        rs.getLong("id"),
        EventKind.valueOf(rs.getString("kind")),
        rs.getObject("effective_on", LocalDate.class),
        rs.getObject("until_on", LocalDate.class),
        (Integer) rs.getObject("days"),
        rs.getString("detail"),
        rs.getString("actor"),
        Timestamps.fromDb(rs.getObject("recorded_at", OffsetDateTime.class)),
        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
        rs.getBigDecimal("amount"),
        (Long) rs.getObject("letter_id", Long.class),
        rs.getString("channel") == null ? null : DeliveryChannel.valueOf(rs.getString("channel")),
        rs.getString("approver"),
        rs.getString("party_kind") == null
            ? null
            : ConsultedParty.valueOf(rs.getString("party_kind")),
        rs.getString("reference"),
        rs.getString("late_reason"),
        rs.getString("proof_sha256"));
  }
}
