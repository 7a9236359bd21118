package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.time.Timestamps;
import org.springframework.stereotype.Component;

/**
 * A decision's row read into a {@link Decision}, and a form's fields as the columns they are
 * written to: the one mapping between the table and the record. The identity number is sealed for
 * its row on the way in and opened on the way out.
 */
@Component
class DecisionRows {

  static final String ID_NUMBER = "decision.id_number";

  /** What every query of a whole decision selects, from {@code decision d JOIN agency a}. */
  static final String SELECT =
      "SELECT d.*, a.name AS agency_name, a.code AS agency_code"
          + " FROM decision d JOIN agency a ON a.id = d.agency_id";

  /**
   * The columns what is entered goes to, in the order of {@link #values}; the identity number
   * itself is sealed with the row's id, so it is written apart.
   */
  static final List<String> FORM_COLUMNS =
      List.of(
          "kind",
          "party_name",
          "party_category",
          "credit_code",
          "id_type",
          "id_number_hash",
          "legal_representative",
          "decision_number",
          "decided_on",
          "public_until",
          "authority",
          "authority_code",
          "data_source",
          "data_source_code",
          "document_name",
          "licence_category",
          "certificate_name",
          "certificate_number",
          "valid_from",
          "valid_to",
          "violation_type",
          "facts",
          "basis",
          "penalty_kinds",
          "measure_kind",
          "content",
          "fine_wan",
          "confiscated_wan",
          "licence_affected",
          "note",
          "corrects_id",
          "fee_wan");

  private final PersonalDataCipher cipher;

  DecisionRows(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  /** The values of {@link #FORM_COLUMNS} for a checked, normalised form. */
  List<Object> values(DecisionForm f) {
    DecisionForm.Party p = f.party();
    return Arrays.asList(
        f.kind().name(),
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
        f.feeWan());
  }

  /** The identity number sealed for the row, or null. */
  String sealedIdNumber(long id, String idNumber) {
    return idNumber == null ? null : cipher.seal(ID_NUMBER, id, idNumber);
  }

  Decision row(ResultSet rs, int i) throws SQLException {
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
            (Long) rs.getObject("corrects_id", Long.class),
            amount(rs, "fee_wan"));
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
