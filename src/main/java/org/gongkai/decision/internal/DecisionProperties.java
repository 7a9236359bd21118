package org.gongkai.decision.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.gongkai.decision.DecisionKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The decision register (双公示).
 *
 * @param publishWorkingDays Working days after the decision within which it must be published on
 *     the website and sent to the credit platform.
 * @param publicPeriods How long after the decision an entry stays on the public pages, per kind,
 *     unless the decision states its own public period end (公示截止期); see docs/decisions-register.md
 *     for the sources.
 */
@ConfigurationProperties("gongkai.decisions")
@Validated
record DecisionProperties(
    @DefaultValue("7") @Min(1) @Max(60) int publishWorkingDays,
    @DefaultValue @Valid PublicPeriods publicPeriods) {

  /**
   * Public periods per kind, counted from the decision date.
   *
   * @param licensing How long a licensing decision is shown.
   * @param penalty How long a penalty decision is shown at most.
   * @param coercion How long a coercive measure is shown.
   */
  record PublicPeriods(
      @DefaultValue("P3Y") @NotNull Period licensing,
      @DefaultValue("P3Y") @NotNull Period penalty,
      @DefaultValue("P1Y") @NotNull Period coercion) {

    Period of(DecisionKind kind) {
      return switch (kind) {
        case LICENSING -> licensing;
        case PENALTY -> penalty;
        case COERCION -> coercion;
      };
    }
  }
}
