package org.gongkai.assessment.internal;

/**
 * The indicators the platform computes from its own records. A SHARE rule gives the part of the
 * maximum earned (an ITEM's points are the maximum times the share); a COUNT rule counts failings,
 * each costing the indicator's parameter in points, up to its maximum (an ITEM from its maximum
 * down, a DEDUCTION from the total); an EARN rule counts achievements, each earning the parameter
 * in points, up to the maximum (an ITEM from 0 up, a BONUS on top of the total).
 */
enum AutoRule {
  /** The monitor's daily scores averaged over the year. */
  MONITOR_SCORE(Shape.SHARE),
  /**
   * Proactive disclosures of the year published within 20 working days of being issued (条例 第二十六条).
   */
  PROACTIVE_ON_TIME(Shape.SHARE),
  /** Policy documents (规章, 行政规范性文件) published in the year with an interpretation linked. */
  POLICY_INTERPRETED(Shape.SHARE),
  /**
   * Licensing, penalty and coercion decisions of the year published within 7 working days (双公示,
   * docs/decisions-register.md); those not yet due are left out.
   */
  DECISIONS_ON_TIME(Shape.SHARE),
  /** Requests concluded in the year by their due day. */
  REQUESTS_ON_TIME(Shape.SHARE),
  /** Reconsideration and litigation cases concluded in the year that corrected the agency. */
  CASES_CORRECTED(Shape.COUNT),
  /**
   * The year's annual report published by its deadline (60%) with figures that pass the consistency
   * rules (40%).
   */
  ANNUAL_REPORT(Shape.SHARE),
  /** The year's twelve monthly reports filed. */
  MONTHLY_REPORTS(Shape.SHARE),
  /** Messages received in the year answered by their due day. */
  MAILBOX_ON_TIME(Shape.SHARE),
  /**
   * Messages received in the year still unanswered past their due day at its end; the oldest named.
   */
  MAILBOX_BACKLOG(Shape.COUNT),
  /** Calls for comments closed in the year whose adoption feedback is published. */
  CONSULTATION_FEEDBACK(Shape.SHARE),
  /** The agency's leaders who took part in an interview or hotline session in the year. */
  LEADER_INTERVIEWS(Shape.SHARE),
  /** Documents the agency offered to other sites in the year (信息报送) that were accepted there. */
  OFFERS_ACCEPTED(Shape.EARN);

  enum Shape {
    SHARE,
    COUNT,
    EARN
  }

  private final Shape shape;

  AutoRule(Shape shape) {
    this.shape = shape;
  }

  Shape shape() {
    return shape;
  }

  /** Which kinds of indicator the rule can score. */
  boolean fits(IndicatorKind kind) {
    return kind == IndicatorKind.ITEM
        || (shape == Shape.COUNT && kind == IndicatorKind.DEDUCTION)
        || (shape == Shape.EARN && kind == IndicatorKind.BONUS);
  }
}
