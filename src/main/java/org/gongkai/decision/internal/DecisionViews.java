package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.privacy.PersonalData;

/**
 * How a decision is shown. The public (pages, API, feed) sees a natural person's name masked (the
 * surname kept, as docs/decisions-register.md says) and never an identity number; staff see the
 * identity number masked unless their account may see personal data.
 */
final class DecisionViews {

  private DecisionViews() {}

  /** The party as the public sees it. */
  record PublicParty(
      String name, PartyCategory category, String creditCode, String legalRepresentative) {}

  /** A decision on the public register. */
  record PublicDecision(
      long id,
      DecisionKind kind,
      String agency,
      String agencyName,
      PublicParty party,
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
      BigDecimal feeWan,
      String licenceAffected,
      String state,
      LocalDate publishedOn,
      LocalDate revokedOn,
      String revokeReason,
      Long corrects,
      Long correctedBy) {}

  static String publicName(DecisionForm.Party p) {
    return p.category().isNaturalPerson() ? PersonalData.name(p.name()) : p.name();
  }

  static PublicDecision forPublic(Decision d, LocalDate publicEnd) {
    DecisionForm f = d.form();
    DecisionForm.Party p = f.party();
    return new PublicDecision(
        d.id(),
        f.kind(),
        f.agency(),
        d.agencyName(),
        new PublicParty(
            publicName(p),
            p.category(),
            p.category().isNaturalPerson() ? null : p.creditCode(),
            p.category().isNaturalPerson() ? null : p.legalRepresentative()),
        f.decisionNumber(),
        f.decidedOn(),
        publicEnd,
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
        f.penaltyKinds(),
        f.measureKind(),
        f.content(),
        f.fineWan(),
        f.confiscatedWan(),
        f.feeWan(),
        f.licenceAffected(),
        d.state().name(),
        d.publishedOn(),
        d.revokedOn(),
        d.revokeReason(),
        f.corrects(),
        d.correctedById());
  }

  /** A decision as its agency's staff see it, with its deadline and the steps they may take. */
  record StaffDecision(
      long id,
      String state,
      DecisionForm form,
      String agencyName,
      LocalDate publishBy,
      boolean late,
      boolean enteredLate,
      boolean publishedLate,
      LocalDate publishedOn,
      LocalDate publicUntil,
      String createdBy,
      Instant createdAt,
      String submittedBy,
      String approvedBy,
      String publishedBy,
      LocalDate revokedOn,
      String revokeReason,
      String returnReason,
      Long correctedBy,
      Set<String> steps) {}

  static StaffDecision forStaff(
      Decision d,
      LocalDate publishBy,
      LocalDate publicEnd,
      LocalDate today,
      boolean personalData,
      Set<String> steps) {
    DecisionForm f = d.form();
    DecisionForm.Party p = f.party();
    DecisionForm.Party shown =
        new DecisionForm.Party(
            p.name(),
            p.category(),
            p.creditCode(),
            p.idType(),
            personalData ? p.idNumber() : PersonalData.idNumber(p.idNumber()),
            p.legalRepresentative());
    boolean late =
        d.recordedLate()
            || (d.publishedOn() == null
                ? today.isAfter(publishBy)
                : d.publishedOn().isAfter(publishBy));
    return new StaffDecision(
        d.id(),
        d.state().name(),
        f.withParty(shown),
        d.agencyName(),
        publishBy,
        late,
        d.enteredLate(),
        d.publishedLate(),
        d.publishedOn(),
        publicEnd,
        d.createdBy(),
        d.createdAt(),
        d.submittedBy(),
        d.approvedBy(),
        d.publishedBy(),
        d.revokedOn(),
        d.revokeReason(),
        d.returnReason(),
        d.correctedById(),
        steps);
  }
}
