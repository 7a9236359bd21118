package org.gongkai.foi;

/**
 * The 21 leaf outcomes of the annual report's table 三 (国办公开办函〔2021〕30号), one for one, each
 * with its legal basis in the Regulation. A partly disclosed request is only ever
 * {@link #PARTLY_DISCLOSED}. The message key {@code foi.outcome.NAME} holds the report's label.
 */
public enum Outcome {
  DISCLOSED(Group.DISCLOSED, "36(1)(2)", false),
  PARTLY_DISCLOSED(Group.PARTLY_DISCLOSED, "37", false),
  WITHHELD_STATE_SECRET(Group.WITHHELD, "14", true),
  WITHHELD_PROHIBITED_BY_LAW(Group.WITHHELD, "14", true),
  WITHHELD_SECURITY_STABILITY(Group.WITHHELD, "14", true),
  WITHHELD_THIRD_PARTY_RIGHTS(Group.WITHHELD, "15", true),
  WITHHELD_INTERNAL_AFFAIRS(Group.WITHHELD, "16.1", true),
  WITHHELD_PROCESS_INFORMATION(Group.WITHHELD, "16.2", true),
  WITHHELD_ENFORCEMENT_FILE(Group.WITHHELD, "16.2", true),
  WITHHELD_ADMINISTRATIVE_QUERY(Group.WITHHELD, "36(7)", true),
  UNAVAILABLE_NOT_HELD(Group.UNAVAILABLE, "36(4)(5)", true),
  UNAVAILABLE_NEEDS_CREATION(Group.UNAVAILABLE, "38", true),
  UNAVAILABLE_STILL_UNCLEAR(Group.UNAVAILABLE, "30", true),
  NOT_PROCESSED_PETITION(Group.NOT_PROCESSED, "39.1", true),
  NOT_PROCESSED_REPEAT(Group.NOT_PROCESSED, "36(6)", true),
  NOT_PROCESSED_PUBLICATION(Group.NOT_PROCESSED, "39.2", true),
  NOT_PROCESSED_EXCESSIVE(Group.NOT_PROCESSED, "35", true),
  NOT_PROCESSED_CONFIRMATION(Group.NOT_PROCESSED, "", true),
  OTHER_NO_SUPPLEMENT(Group.OTHER, "30", true),
  OTHER_FEE_UNPAID(Group.OTHER, "fee", true),
  OTHER(Group.OTHER, "", true);

  /** The report's six groups （一） to （六）. */
  public enum Group { DISCLOSED, PARTLY_DISCLOSED, WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER }

  private final Group group;
  private final String articles;
  private final boolean notice;

  Outcome(Group group, String articles, boolean notice) {
    this.group = group;
    this.articles = articles;
    this.notice = notice;
  }

  public Group group() {
    return group;
  }

  /** Articles of the Regulation the reply rests on, as in domain.md §1.4; empty where none is specific. */
  public String articles() {
    return articles;
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
