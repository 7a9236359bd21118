package org.gongkai.decision.internal;

import java.util.Set;

/**
 * Where a decision is in its workflow, as documents have it: entered (draft), submitted, approved
 * by a second person, published; afterwards revoked (撤销, kept and shown as such) or corrected
 * (superseded by its published correction, reachable from it).
 */
enum DecisionState {
  DRAFT,
  SUBMITTED,
  APPROVED,
  PUBLISHED,
  REVOKED,
  CORRECTED;

  /** The states after publication: on the public register while the public period lasts. */
  static final Set<DecisionState> PUBLICLY_VISIBLE = Set.of(PUBLISHED, REVOKED, CORRECTED);

  boolean wasPublished() {
    return PUBLICLY_VISIBLE.contains(this);
  }
}
