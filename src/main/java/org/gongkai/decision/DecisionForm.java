package org.gongkai.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What is entered for one decision: the fields of the national 双公示 data standard for its kind (see
 * docs/decisions-register.md). Fields of another kind are left null. {@code authority} and {@code
 * dataSource} and their codes default to the agency's name and code; {@code corrects} names a
 * published decision of the same agency that this one corrects. {@code feeWan} is not the
 * standard's: the administrative fee (行政事业性收费, 万元) charged with a licensing decision, which table 二
 * of the annual report totals.
 */
public record DecisionForm(
    DecisionKind kind,
    String agency,
    Party party,
    String decisionNumber,
    LocalDate decidedOn,
    LocalDate publicUntil,
    String authority,
    String authorityCode,
    String dataSource,
    String dataSourceCode,
    String documentName,
    String licenceCategory,
    String certificateName,
    String certificateNumber,
    LocalDate validFrom,
    LocalDate validTo,
    String violationType,
    String facts,
    String basis,
    List<String> penaltyKinds,
    String measureKind,
    String content,
    BigDecimal fineWan,
    BigDecimal confiscatedWan,
    String licenceAffected,
    String note,
    Long corrects,
    BigDecimal feeWan) {

  /** This form of the agency, for the party, by the authority and source: the rest unchanged. */
  public DecisionForm with(
      String agency,
      Party party,
      String authority,
      String authorityCode,
      String dataSource,
      String dataSourceCode) {
    return new DecisionForm(
        kind,
        agency,
        party,
        decisionNumber,
        decidedOn,
        publicUntil,
        authority,
        authorityCode,
        dataSource,
        dataSourceCode,
        documentName,
        licenceCategory,
        certificateName,
        certificateNumber,
        validFrom,
        validTo,
        violationType,
        facts,
        basis,
        penaltyKinds,
        measureKind,
        content,
        fineWan,
        confiscatedWan,
        licenceAffected,
        note,
        corrects,
        feeWan);
  }

  /** This form of another agency (its code). */
  public DecisionForm withAgency(String agencyCode) {
    return with(agencyCode, party, authority, authorityCode, dataSource, dataSourceCode);
  }

  /** This form with the party replaced (as shown: its identity number masked). */
  public DecisionForm withParty(Party shown) {
    return with(agency, shown, authority, authorityCode, dataSource, dataSourceCode);
  }

  /**
   * The party: its name and category, its unified social credit code (organizations), its identity
   * document (natural persons: sealed, never published) and its legal representative.
   */
  public record Party(
      String name,
      PartyCategory category,
      String creditCode,
      String idType,
      String idNumber,
      String legalRepresentative) {}
}
