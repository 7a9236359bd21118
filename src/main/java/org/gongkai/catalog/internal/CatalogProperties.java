package org.gongkai.catalog.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the catalog numbers its documents and publishes scheduled ones.
 *
 * @param indexNumberFormat The index number (索引号) format: {code} the agency's code, {yyyy} the
 *     year, {MM} the month, {seq:N} the running number with N digits; it must hold {yyyy} and
 *     {seq:N}.
 * @param scheduleCheck How often the platform looks for documents whose scheduled publication time
 *     has come.
 * @param personalDataSweep When the published catalog is scanned for personal data and secrecy
 *     marks (a cron expression); each run scans the live editions not scanned yet.
 * @param personalDataSweepBatch The most editions one run scans.
 */
@ConfigurationProperties("gongkai.catalog")
@Validated
record CatalogProperties(
    @DefaultValue("{code}/{yyyy}-{seq:5}")
        @NotNull @Pattern(
            regexp = ".*\\{yyyy}.*\\{seq:\\d+}.*|.*\\{seq:\\d+}.*\\{yyyy}.*",
            message = "must contain the year as {yyyy} and the running number as {seq:N}")
        String indexNumberFormat,
    @DefaultValue(CatalogProperties.SCHEDULE_CHECK) @NotNull Duration scheduleCheck,
    @DefaultValue(CatalogProperties.PERSONAL_DATA_SWEEP) @NotNull String personalDataSweep,
    @DefaultValue("2000") @Min(1) int personalDataSweepBatch) {

  /** The job's schedule names it in a placeholder, which must be a constant. */
  static final String SCHEDULE_CHECK = "PT1M";

  static final String PERSONAL_DATA_SWEEP = "0 40 2 * * *";
}
