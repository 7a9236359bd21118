package org.gongkai.catalog.internal;

import static org.gongkai.catalog.EditionState.APPROVED;
import static org.gongkai.catalog.EditionState.DRAFT;
import static org.gongkai.catalog.EditionState.PUBLISHED;
import static org.gongkai.catalog.EditionState.SCHEDULED;
import static org.gongkai.catalog.EditionState.SUBMITTED;
import static org.gongkai.catalog.EditionState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import org.gongkai.catalog.EditionState;
import org.gongkai.shared.web.Refusal;

/** The legal moves of the editorial workflow, each from a set of states to one state. */
enum WorkflowStep {
  SUBMIT(EnumSet.of(DRAFT), SUBMITTED),
  APPROVE(EnumSet.of(SUBMITTED), APPROVED),
  REJECT(EnumSet.of(SUBMITTED, APPROVED, SCHEDULED), DRAFT),
  SCHEDULE(EnumSet.of(APPROVED), SCHEDULED),
  PUBLISH(EnumSet.of(APPROVED, SCHEDULED), PUBLISHED),
  WITHDRAW(EnumSet.of(PUBLISHED), WITHDRAWN);

  private final Set<EditionState> from;
  private final EditionState to;

  WorkflowStep(Set<EditionState> from, EditionState to) {
    this.from = from;
    this.to = to;
  }

  boolean allowedFrom(EditionState state) {
    return from.contains(state);
  }

  /** Refuses the move (409) from a state it is not allowed from. */
  void requireFrom(EditionState state) {
    if (!allowedFrom(state)) {
      throw Refusal.conflict("workflow.illegal", name(), state.name());
    }
  }

  EditionState target() {
    return to;
  }

  String auditAction() {
    return "document." + name().toLowerCase();
  }
}
