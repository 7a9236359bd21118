package org.gongkai.foi;

/**
 * The 21 leaf outcomes of the annual report's table 三 (国办公开办函〔2021〕30号), one for one, each with its
 * legal basis under {@code foi.outcome.basis.NAME} in the message bundle. A partly disclosed
 * request is only ever {@link #PARTLY_DISCLOSED}. {@code foi.outcome.NAME} holds the report's
 * label.
 */
public enum Outcome {
  DISCLOSED(Group.DISCLOSED, false),
  PARTLY_DISCLOSED(Group.PARTLY_DISCLOSED, false),
  WITHHELD_STATE_SECRET(Group.WITHHELD, true),
  WITHHELD_PROHIBITED_BY_LAW(Group.WITHHELD, true),
  WITHHELD_SECURITY_STABILITY(Group.WITHHELD, true),
  WITHHELD_THIRD_PARTY_RIGHTS(Group.WITHHELD, true),
  WITHHELD_INTERNAL_AFFAIRS(Group.WITHHELD, true),
  WITHHELD_PROCESS_INFORMATION(Group.WITHHELD, true),
  WITHHELD_ENFORCEMENT_FILE(Group.WITHHELD, true),
  WITHHELD_ADMINISTRATIVE_QUERY(Group.WITHHELD, true),
  UNAVAILABLE_NOT_HELD(Group.UNAVAILABLE, true),
  UNAVAILABLE_NEEDS_CREATION(Group.UNAVAILABLE, true),
  UNAVAILABLE_STILL_UNCLEAR(Group.UNAVAILABLE, true),
  NOT_PROCESSED_PETITION(Group.NOT_PROCESSED, true),
  NOT_PROCESSED_REPEAT(Group.NOT_PROCESSED, true),
  NOT_PROCESSED_PUBLICATION(Group.NOT_PROCESSED, true),
  NOT_PROCESSED_EXCESSIVE(Group.NOT_PROCESSED, true),
  NOT_PROCESSED_CONFIRMATION(Group.NOT_PROCESSED, true),
  OTHER_NO_SUPPLEMENT(Group.OTHER, true),
  OTHER_FEE_UNPAID(Group.OTHER, true),
  OTHER(Group.OTHER, true);

  /** The report's six groups （一） to （六）. */
  public enum Group {
    DISCLOSED,
    PARTLY_DISCLOSED,
    WITHHELD,
    UNAVAILABLE,
    NOT_PROCESSED,
    OTHER
  }

  private final Group group;
  private final boolean notice;

  Outcome(Group group, boolean notice) {
    this.group = group;
    this.notice = notice;
  }

  public Group group() {
    return group;
  }

  /** Whether the letter is a notice (告知书) rather than a reply giving the information (答复书). */
  public boolean isNotice() {
    return notice;
  }

  /** Outcomes the platform sets itself when a deadline passes; staff pick the others. */
  public boolean isAutomatic() {
    return this == OTHER_NO_SUPPLEMENT || this == OTHER_FEE_UNPAID;
  }
}
