package org.gongkai.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * The document an editorial step acts on, locked and in the actor's scope, and its working edition
 * moved from one workflow state to the next.
 */
@Component
class WorkingEditions {

  private final EditionRepository editions;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  WorkingEditions(EditionRepository editions, StaffAccess access, AuditTrail audit, Clock clock) {
    this.editions = editions;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The document, locked until the transaction ends; refused outside the actor's agencies. */
  EditionRepository.DocumentRow lockedDocument(long documentId, Staff actor) {
    EditionRepository.DocumentRow doc =
        editions.lockDocument(documentId).orElseThrow(() -> Refusal.notFound("document.not-found"));
    access.requireAgency(actor, doc.agencyId());
    return doc;
  }

  /** The edition that is being worked on, before or after publication. */
  Edition workingEdition(long documentId) {
    return editions
        .workingEdition(documentId)
        .orElseThrow(() -> Refusal.notFound("document.not-found"));
  }

  /** The working edition of the locked document; refused unless it is a draft. */
  Edition lockedDraft(long documentId, Staff actor) {
    lockedDocument(documentId, actor);
    Edition working = workingEdition(documentId);
    if (working.state() != EditionState.DRAFT) {
      throw Refusal.conflict("document.not-editable");
    }
    return working;
  }

  /** Moves the working edition one workflow step on; refused when it changed meanwhile. */
  Edition move(long documentId, WorkflowStep step, Staff actor, String detail) {
    Edition working = workingEdition(documentId);
    step.requireFrom(working.state());
    if (!editions.transition(
        working.id(), working.state(), step.target(), actor.username(), Instant.now(clock))) {
      throw Refusal.conflict("document.stale");
    }
    audit.record(actor.username(), step.auditAction(), "document", documentId, detail);
    return working;
  }
}
