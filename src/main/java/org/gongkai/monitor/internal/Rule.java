package org.gongkai.monitor.internal;

/**
 * The monitor's rules. A veto rule fails the site whatever else it scores (单项否决); a deduction rule
 * takes {@code points} per finding up to {@code cap} from 100 (扣分指标, capped per indicator).
 */
enum Rule {
  SITE_UNREACHABLE(true, 0, 0),
  NO_CONSULTATION_CHANNEL(true, 0, 0),
  HOME_STALE(true, 0, 0),
  SECTIONS_NOT_UPDATED(true, 0, 0),
  TOO_MANY_STALE_COLUMNS(true, 0, 0),
  TOO_MANY_EMPTY_COLUMNS(true, 0, 0),
  MAILBOX_UNANSWERED(true, 0, 0),
  MAILBOX_LATE_REPLY(true, 0, 0),
  WORDING_LEADER(true, 0, 0),
  WORDING_PROHIBITED(true, 0, 0),
  EMPTY_COLUMN(false, 2, 10),
  NEWS_STALE(false, 2, 10),
  NOTICE_POLICY_STALE(false, 2, 10),
  STALE_COLUMN(false, 1, 10),
  UNDATED(false, 1, 5),
  LATE_PROACTIVE(false, 1, 10),
  POLICY_WITHOUT_INTERPRETATION(false, 2, 10),
  BROKEN_LINK(false, 1, 10),
  MISSING_ATTACHMENT(false, 1, 10),
  EXTERNAL_LINK(false, 1, 5),
  WORDING_FORBIDDEN(false, 2, 10),
  WORDING_MISSPELLING(false, 1, 10);

  private final boolean veto;
  private final int points;
  private final int cap;

  Rule(boolean veto, int points, int cap) {
    this.veto = veto;
    this.points = points;
    this.cap = cap;
  }

  boolean veto() {
    return veto;
  }

  int points() {
    return points;
  }

  int cap() {
    return cap;
  }
}
