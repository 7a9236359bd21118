package org.gongkai.monitor.internal;

/**
 * The monitor's rules, each citing the item of the 2019 inspection index it checks ({@link
 * IndexItem}). A rule of a veto item fails the site whatever else it scores (单项否决); a rule of a
 * deduction item takes {@code points} per finding, at most {@code cap} for the rule, and all the
 * rules of one item together at most the item's points (扣分指标, capped per indicator).
 */
enum Rule {
  WORDING_LEADER(IndexItem.VETO_1_SERIOUS_ERRORS, 0, 0),
  WORDING_PROHIBITED(IndexItem.VETO_1_SERIOUS_ERRORS, 0, 0),
  SITE_UNREACHABLE(IndexItem.VETO_2_UNREACHABLE, 0, 0),
  HOME_PAGE_FAILS(IndexItem.VETO_2_UNREACHABLE, 0, 0),
  HOME_STALE(IndexItem.VETO_3_HOME_NOT_UPDATED, 0, 0),
  SECTIONS_NOT_UPDATED(IndexItem.VETO_4_SECTIONS_NOT_UPDATED, 0, 0),
  TOO_MANY_STALE_COLUMNS(IndexItem.VETO_4_SECTIONS_NOT_UPDATED, 0, 0),
  TOO_MANY_EMPTY_COLUMNS(IndexItem.VETO_4_SECTIONS_NOT_UPDATED, 0, 0),
  NO_CONSULTATION_CHANNEL(IndexItem.VETO_5_POOR_INTERACTION, 0, 0),
  MAILBOX_UNANSWERED(IndexItem.VETO_5_POOR_INTERACTION, 0, 0),
  MAILBOX_LATE_REPLY(IndexItem.VETO_5_POOR_INTERACTION, 0, 0),
  EMPTY_COLUMN(IndexItem.PUBLISHING_UPDATES, 2, 10),
  NEWS_STALE(IndexItem.PUBLISHING_UPDATES, 2, 10),
  NOTICE_POLICY_STALE(IndexItem.PUBLISHING_UPDATES, 2, 10),
  STALE_COLUMN(IndexItem.PUBLISHING_UPDATES, 1, 10),
  UNDATED(IndexItem.PUBLISHING_UPDATES, 1, 5),
  LATE_PROACTIVE(IndexItem.PUBLISHING_DISCLOSURE, 1, 10),
  LATE_DECISION(IndexItem.PUBLISHING_DISCLOSURE, 1, 10),
  LATE_WEBSITE_REPORT(IndexItem.PUBLISHING_DISCLOSURE, 1, 10),
  POLICY_WITHOUT_INTERPRETATION(IndexItem.PUBLISHING_INTERPRETATION, 2, 10),
  WORDING_FORBIDDEN(IndexItem.PUBLISHING_ACCURACY, 2, 10),
  PERSONAL_DATA_PUBLISHED(IndexItem.PUBLISHING_ACCURACY, 2, 10),
  WORDING_MISSPELLING(IndexItem.PUBLISHING_ACCURACY, 1, 10),
  BROKEN_LINK(IndexItem.DESIGN_LINKS, 1, 10),
  MISSING_ATTACHMENT(IndexItem.DESIGN_LINKS, 1, 10),
  EXTERNAL_LINK(IndexItem.DESIGN_LINKS, 1, 5),
  SITE_PAGE_BROKEN(IndexItem.DESIGN_LINKS, 1, 10);

  private final IndexItem item;
  private final int points;
  private final int cap;

  Rule(IndexItem item, int points, int cap) {
    this.item = item;
    this.points = points;
    this.cap = cap;
  }

  /** The index item the rule checks. */
  IndexItem item() {
    return item;
  }

  boolean veto() {
    return item.veto();
  }

  int points() {
    return points;
  }

  int cap() {
    return cap;
  }
}
