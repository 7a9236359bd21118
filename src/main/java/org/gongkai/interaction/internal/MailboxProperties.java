package org.gongkai.interaction.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mailbox (咨询投诉): reply deadlines and reminders.
 *
 * @param replyDays The working days an agency has to reply, by type of message.
 * @param reminderCron When the daily run writes the due-soon and overdue reminders (six-field cron,
 *     in the platform's zone).
 */
@ConfigurationProperties("gongkai.mailbox")
@Validated
record MailboxProperties(
    @DefaultValue @Valid ReplyDays replyDays,
    @DefaultValue(MailboxProperties.REMINDER_CRON) @Cron String reminderCron) {

  /** The job's schedule names it in a placeholder, which must be a constant. */
  static final String REMINDER_CRON = "0 5 8 * * *";

  /**
   * Reply deadlines in working days.
   *
   * @param question Working days to answer a question (咨询).
   * @param complaint Working days to answer a complaint (投诉).
   * @param suggestion Working days to answer a suggestion (建议).
   */
  record ReplyDays(
      @DefaultValue("5") @Min(1) int question,
      @DefaultValue("15") @Min(1) int complaint,
      @DefaultValue("15") @Min(1) int suggestion) {}
}
