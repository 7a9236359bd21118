package org.gongkai.monitor.internal;

import java.time.LocalDate;
import org.gongkai.agency.Agency;
import org.gongkai.decision.DecisionFigures;
import org.springframework.stereotype.Component;

/**
 * The rule on the agency's licensing, penalty and coercion decisions (双公示, index item 发布解读 — 信息公开):
 * a decision of the last year published after its 7th working day, or still unpublished past it
 * (docs/decisions-register.md).
 */
@Component
class DecisionTimingRules {

  private final DecisionFigures decisions;

  DecisionTimingRules(DecisionFigures decisions) {
    this.decisions = decisions;
  }

  void check(Agency agency, LocalDate today, Found found) {
    for (DecisionFigures.Timing t : decisions.timings(agency.id(), today.minusYears(1), today)) {
      if (t.late(today)) {
        found.add(
            Rule.LATE_DECISION,
            t.decisionNumber(),
            "/console/decisions/" + t.id(),
            t.decisionNumber(),
            t.decidedOn(),
            t.publishBy(),
            t.publishedOn() == null ? "-" : t.publishedOn().toString());
      }
    }
  }
}
