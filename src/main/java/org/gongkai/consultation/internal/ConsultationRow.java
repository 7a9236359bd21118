package org.gongkai.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.consultation.internal.ConsultationViews.State;

/** A consultation as stored. */
record ConsultationRow(
    long id,
    long agencyId,
    ConsultationKind kind,
    ConsultationScope scope,
    String title,
    String draftText,
    LocalDate opensOn,
    LocalDate closesOn,
    boolean published,
    Long draftDocumentId,
    Long finalDocumentId,
    String feedbackText,
    Instant feedbackAt,
    int publishedComments) {

  State state(LocalDate today) {
    if (!published) {
      return State.DRAFT;
    }
    if (today.isBefore(opensOn)) {
      return State.UPCOMING;
    }
    return today.isAfter(closesOn) ? State.CLOSED : State.OPEN;
  }

  /** The draft's numbered paragraphs: its non-empty lines. */
  List<String> paragraphs() {
    return draftText.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  boolean publicScope() {
    return scope == ConsultationScope.PUBLIC;
  }
}
