package org.gongkai.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer's decision on a submitted draft: approval, with the confidentiality check and a second
 * person where the agency has one, or rejection with a comment.
 */
@Component
@Transactional
class DraftReview {

  private final EditionRepository editions;
  private final WorkingEditions workingEditions;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;
  private final PersonalDataGate personalData;

  DraftReview(
      EditionRepository editions,
      WorkingEditions workingEditions,
      StaffAccess access,
      AuditTrail audit,
      Clock clock,
      PersonalDataGate personalData) {
    this.personalData = personalData;
    this.editions = editions;
    this.workingEditions = workingEditions;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  void approve(
      long documentId,
      boolean confidentialityChecked,
      String comment,
      String personalDataJustification,
      Staff actor) {
    EditionRepository.DocumentRow doc = workingEditions.lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    if (!confidentialityChecked) {
      throw Refusal.invalidField("confidentialityChecked", "review.confidentiality.required");
    }
    Set<String> authors = authorsOfWorkingDraft(documentId);
    boolean waived = access.requireSecondPerson(actor, doc.agencyId(), authors);
    Edition submitted = workingEditions.workingEdition(documentId);
    if (submitted.state() == EditionState.SUBMITTED) {
      personalData.approving(submitted, doc.agencyId(), personalDataJustification, authors, actor);
    }
    String detail = waived ? join(comment, StaffAccess.FOUR_EYES_WAIVED) : comment;
    Edition edition = workingEditions.move(documentId, WorkflowStep.APPROVE, actor, detail);
    editions.recordReview(
        edition.id(), true, blankToNull(detail), actor.username(), Instant.now(clock));
  }

  /**
   * Who wrote the draft now under review: everyone who created, edited or added to it since the
   * last publication.
   */
  private Set<String> authorsOfWorkingDraft(long documentId) {
    Set<String> authors = new HashSet<>();
    for (var entry : audit.forSubject("document", documentId)) {
      switch (entry.action()) {
        case "document.publish", "document.withdraw" -> authors.clear();
        case "document.created",
            "document.edited",
            "document.revision-started",
            "document.attachment-added",
            "document.attachment-removed",
            "document.imported",
            "document.submit" ->
            authors.add(entry.actor());
        default -> {}
      }
    }
    Edition working = workingEditions.workingEdition(documentId);
    if (working.updatedBy() != null && working.state() == EditionState.SUBMITTED) {
      authors.add(working.updatedBy());
    }
    return authors;
  }

  private static String join(String comment, String note) {
    return comment == null || comment.isBlank() ? note : comment.strip() + " " + note;
  }

  void reject(long documentId, String comment, Staff actor) {
    EditionRepository.DocumentRow doc = workingEditions.lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    if (comment == null || comment.isBlank()) {
      throw Refusal.invalidField("comment", "review.comment.required");
    }
    Edition edition = workingEditions.move(documentId, WorkflowStep.REJECT, actor, comment);
    editions.recordReview(
        edition.id(), false, comment.trim(), actor.username(), Instant.now(clock));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
