package org.gongkai.consultation.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Calls for comments and public notices.
 *
 * @param minimumWorkingDays The shortest comment period, by kind.
 * @param contactRequired Whether a comment must carry a way to reach its author.
 * @param nameRequired Whether a comment must carry its author's name.
 */
@ConfigurationProperties("gongkai.consultation")
@Validated
record ConsultationProperties(
    @DefaultValue @Valid MinimumWorkingDays minimumWorkingDays,
    @DefaultValue("true") boolean contactRequired,
    @DefaultValue("false") boolean nameRequired) {

  /**
   * The shortest comment periods in working days.
   *
   * @param callForComments Working days a call for comments (征求意见) stays open at least.
   * @param publicNotice Working days a public notice (公示) stays open at least.
   */
  record MinimumWorkingDays(
      @DefaultValue("20") @Min(1) int callForComments,
      @DefaultValue("5") @Min(1) int publicNotice) {}
}
