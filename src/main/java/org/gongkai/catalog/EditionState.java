package org.gongkai.catalog;

import java.util.EnumSet;
import java.util.Set;

/** Where an edition stands in the editorial workflow. A document has no state; its editions do. */
public enum EditionState {
  DRAFT,
  SUBMITTED,
  APPROVED,
  SCHEDULED,
  PUBLISHED,
  SUPERSEDED,
  WITHDRAWN;

  /** At most one edition of a document is in one of these at a time. */
  public static final Set<EditionState> PRE_PUBLICATION =
      EnumSet.of(DRAFT, SUBMITTED, APPROVED, SCHEDULED);

  public static final Set<EditionState> PUBLICLY_VISIBLE = EnumSet.of(PUBLISHED);

  public boolean isPrePublication() {
    return PRE_PUBLICATION.contains(this);
  }
}
