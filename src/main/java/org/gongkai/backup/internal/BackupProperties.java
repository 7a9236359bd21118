package org.gongkai.backup.internal;

import jakarta.validation.constraints.Min;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily backup into the data folder's backups folder.
 *
 * @param daily Whether the platform writes a backup every day.
 * @param cron When the daily backup runs (six-field cron, in the platform's zone).
 * @param retain How many backups are kept; older ones are removed after each new one.
 */
@ConfigurationProperties("gongkai.backup")
@Validated
record BackupProperties(
    @DefaultValue("true") boolean daily,
    @DefaultValue(BackupProperties.CRON) @Cron String cron,
    @DefaultValue("7") @Min(1) int retain) {

  /** The job's schedule names it in a placeholder, which must be a constant. */
  static final String CRON = "0 15 2 * * *";
}
