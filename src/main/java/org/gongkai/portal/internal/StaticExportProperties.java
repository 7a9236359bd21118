package org.gongkai.portal.internal;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public site written out as files for mirrors and CDNs.
 *
 * @param folder Where the export is written; unset, the data folder's 'static-site' folder.
 * @param maxPages The most pages one export writes, a guard against a site that never ends.
 * @param cron When the export is refreshed each night, once one exists (six-field cron, in the
 *     platform's zone).
 */
@ConfigurationProperties("gongkai.static-export")
@Validated
record StaticExportProperties(
    Path folder,
    @DefaultValue("2000000") @Min(1) int maxPages,
    @DefaultValue(StaticExportProperties.CRON) @Cron String cron) {

  /** The job's schedule names it in a placeholder, which must be a constant. */
  static final String CRON = "0 20 4 * * *";
}
