package org.gongkai.webarchive.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web archive of the public sites.
 *
 * @param yearly Whether every site's past year is archived early each January.
 * @param cron When the yearly archives are started (six-field cron, in the platform's zone).
 * @param maxFileSize The size past which a WARC file is closed and the next one begun.
 * @param maxPages The most addresses one archive records, a guard against a site that never ends.
 * @param timeout How long one address may take to answer.
 * @param maxResponseSize The largest response recorded; a larger one is counted as an error.
 * @param pollInterval How often the platform looks for an archive to write.
 */
@ConfigurationProperties("gongkai.web-archive")
@Validated
record WebArchiveProperties(
    @DefaultValue("true") boolean yearly,
    @DefaultValue(WebArchiveProperties.CRON) @Cron String cron,
    @DefaultValue("1GB") @NotNull DataSize maxFileSize,
    @DefaultValue("2000000") @Min(1) int maxPages,
    @DefaultValue("PT2M") @NotNull Duration timeout,
    @DefaultValue("512MB") @NotNull DataSize maxResponseSize,
    @DefaultValue(WebArchiveProperties.POLL) @NotNull Duration pollInterval) {

  /** The job's schedule names it in a placeholder, which must be a constant: 3 January, 02:30. */
  static final String CRON = "0 30 2 3 1 *";

  static final String POLL = "PT10S";
}
