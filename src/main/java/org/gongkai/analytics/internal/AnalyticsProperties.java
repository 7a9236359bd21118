package org.gongkai.analytics.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Visits counted on the server.
 *
 * @param enabled Whether public page views and searches without result are counted.
 * @param flushInterval How often a node writes what it counted in memory to the database.
 * @param maxPages The most distinct pages of a site a node keeps counts of between two writes;
 *     views of further pages count in the site's total only.
 * @param lgK The HyperLogLog sketch's log2 of its registers: 12 gives about 1.6% relative error
 *     with some 2.5 KB per site and day.
 */
@ConfigurationProperties("gongkai.analytics")
@Validated
public record AnalyticsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT1M") @NotNull Duration flushInterval,
    @DefaultValue("5000") @Min(10) int maxPages,
    @DefaultValue("12") @Min(4) @Max(21) int lgK) {}
