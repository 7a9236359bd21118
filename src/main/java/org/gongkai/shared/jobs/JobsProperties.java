package org.gongkai.shared.jobs;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform jobs (db-scheduler): each run is claimed by one node.
 *
 * @param enabled Whether this node runs platform jobs at all; off for tools that only read.
 * @param pollingInterval How often a node looks for a platform job that is due.
 * @param threads How many platform jobs one node runs at the same time.
 */
@ConfigurationProperties("gongkai.jobs")
@Validated
public record JobsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT5S") @NotNull Duration pollingInterval,
    @DefaultValue("2") @Min(1) int threads) {}
