package org.gongkai.foi.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Information requests.
 *
 * @param feePausesClock Whether an unpaid fee notice pauses the answer period; the fee measures
 *     leave it open.
 * @param reminderCron When the daily run closes lapsed supplements and fees and writes the due-soon
 *     and overdue reminders (six-field cron, in the platform's zone).
 * @param backdatingWorkingDays A step dated more working days than this before the day it is
 *     recorded needs a reason and a proof, and counts as late.
 * @param unregisteredReminderDays Working days after an online application was acknowledged before
 *     its agency's staff are reminded to register it.
 * @param delivery When letters count as received without a recorded delivery.
 */
@ConfigurationProperties("gongkai.foi")
@Validated
record FoiProperties(
    @DefaultValue("true") boolean feePausesClock,
    @DefaultValue(FoiProperties.REMINDER_CRON) @Cron String reminderCron,
    @DefaultValue("3") @Min(0) int backdatingWorkingDays,
    @DefaultValue("1") @Min(0) int unregisteredReminderDays,
    @DefaultValue @Valid Delivery delivery) {

  /** The job's schedule names it in a placeholder, which must be a constant. */
  static final String REMINDER_CRON = "0 0 8 * * *";

  /**
   * Deemed delivery.
   *
   * @param deemedDays Days after sending by each channel that a letter counts as received.
   */
  record Delivery(@DefaultValue @Valid DeemedDays deemedDays) {}

  /**
   * Days after sending that a letter counts as received when no delivery is recorded.
   *
   * @param post Days for a letter sent by post.
   * @param email Days for a letter sent by e-mail.
   * @param online Days for a letter put online for the applicant.
   * @param pickup Days for a letter left for the applicant to collect.
   */
  record DeemedDays(
      @DefaultValue("15") @Min(0) int post,
      @DefaultValue("0") @Min(0) int email,
      @DefaultValue("0") @Min(0) int online,
      @DefaultValue("15") @Min(0) int pickup) {

    Map<DeliveryChannel, Integer> byChannel() {
      return Map.of(
          DeliveryChannel.POST, post,
          DeliveryChannel.EMAIL, email,
          DeliveryChannel.ONLINE, online,
          DeliveryChannel.PICKUP, pickup);
    }
  }
}
