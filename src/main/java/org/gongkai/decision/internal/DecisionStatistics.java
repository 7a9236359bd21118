package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.decision.DecisionFigures;
import org.gongkai.decision.DecisionKind;
import org.springframework.stereotype.Service;

/** The register's figures for the reports, the monitor and the assessment. */
@Service
class DecisionStatistics implements DecisionFigures {

  /**
   * What table 二 counts: published, revoked after publication; a corrected one is its correction.
   */
  private static final Set<DecisionState> COUNTED =
      Set.of(DecisionState.PUBLISHED, DecisionState.REVOKED);

  /** Every state but the superseded one: each decision once, with its deadline. */
  private static final List<DecisionState> STANDING =
      List.of(
          DecisionState.DRAFT,
          DecisionState.SUBMITTED,
          DecisionState.APPROVED,
          DecisionState.PUBLISHED,
          DecisionState.REVOKED);

  private final DecisionRepository repository;
  private final DecisionLists lists;
  private final Decisions decisions;

  DecisionStatistics(DecisionRepository repository, DecisionLists lists, Decisions decisions) {
    this.repository = repository;
    this.lists = lists;
    this.decisions = decisions;
  }

  @Override
  public Map<DecisionKind, Long> decided(
      Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    Map<DecisionKind, Long> counts = new EnumMap<>(DecisionKind.class);
    for (DecisionKind kind : DecisionKind.values()) {
      counts.put(kind, 0L);
    }
    for (DecisionRepository.KindCount c : repository.counts(agencyIds, first, last)) {
      if (COUNTED.contains(c.state())) {
        counts.merge(c.kind(), c.count(), Long::sum);
      }
    }
    return counts;
  }

  @Override
  public BigDecimal feesWan(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    return repository.fees(agencyIds, first, last, COUNTED);
  }

  @Override
  public List<Timing> timings(long agencyId, LocalDate first, LocalDate last) {
    return lists.ofAgencies(List.of(agencyId), STANDING, first, last).stream()
        .map(this::timing)
        .toList();
  }

  Timing timing(Decision d) {
    return new Timing(
        d.id(),
        d.form().kind(),
        d.form().decisionNumber(),
        d.form().decidedOn(),
        decisions.publishBy(d.form().decidedOn()),
        d.publishedOn(),
        d.recordedLate());
  }
}
