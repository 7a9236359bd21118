package org.gongkai.decision.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.gongkai.decision.DecisionForm;

/**
 * A decision as stored: what was entered ({@code form}, the identity number opened) and its
 * workflow. Never shown as it is outside the agency's staff: see {@link DecisionViews}.
 */
record Decision(
    long id,
    long agencyId,
    String agencyName,
    DecisionState state,
    DecisionForm form,
    boolean enteredLate,
    String createdBy,
    Instant createdAt,
    String submittedBy,
    String approvedBy,
    String publishedBy,
    LocalDate publishedOn,
    boolean publishedLate,
    LocalDate revokedOn,
    String revokeReason,
    String returnReason,
    Long correctedById,
    int version) {

  boolean naturalPerson() {
    return form.party().category().isNaturalPerson();
  }

  /** Recorded late: entered, or published, after its publish-by date. */
  boolean recordedLate() {
    return enteredLate || publishedLate;
  }
}
