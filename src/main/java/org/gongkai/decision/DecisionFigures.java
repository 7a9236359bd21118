package org.gongkai.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the register counts for the reports, the monitor and the assessment: decisions made in a
 * period and how each met the publication deadline.
 */
public interface DecisionFigures {

  /**
   * Decisions of the agencies decided between the dates, both inclusive, and published (revoked
   * ones included, a corrected one counted once by its correction), per kind: table 二's 本年处理决定数量.
   */
  Map<DecisionKind, Long> decided(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  /**
   * The administrative fees (万元) charged with the licensing decisions {@link #decided} counts:
   * table 二's 本年收费金额 for 行政事业性收费; zero when none carries a fee.
   */
  BigDecimal feesWan(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  /**
   * Every decision of the agency decided between the dates, both inclusive, whatever its state (not
   * those corrected), with its publish-by date: the evidence of the 7-working-day rule.
   */
  List<Timing> timings(long agencyId, LocalDate first, LocalDate last);

  /**
   * A decision and its publication deadline. {@code publishedOn} is null until it is published;
   * {@code recordedLate} is what was recorded when it was entered or published after {@code
   * publishBy}.
   */
  record Timing(
      long id,
      DecisionKind kind,
      String decisionNumber,
      LocalDate decidedOn,
      LocalDate publishBy,
      LocalDate publishedOn,
      boolean recordedLate) {

    /**
     * Late: recorded so, published after its date, or still unpublished past it on {@code today}.
     */
    public boolean late(LocalDate today) {
      return recordedLate
          || (publishedOn == null ? today.isAfter(publishBy) : publishedOn.isAfter(publishBy));
    }

    /** Whether the deadline has come by {@code today}: published, or its date passed. */
    public boolean due(LocalDate today) {
      return publishedOn != null || today.isAfter(publishBy);
    }
  }
}
