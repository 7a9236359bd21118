package org.gongkai.shared.execution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many threads each of the platform's pools has ({@code gongkai.executors.*}). A value out of
 * range stops the start with a message naming the setting.
 *
 * @param eventsThreads listeners of module events that run after the commit and are not indexing
 *     (the calendar follower, Spring MVC's asynchronous requests)
 * @param indexingThreads the search indexer's listeners: publications, withdrawals, re-labelling
 * @param exportThreads the static export's refreshes and full exports
 * @param mailThreads mail to applicants, sent after the commit off the request's thread
 * @param schedulingThreads the {@code @Scheduled} jobs that look after one node's own memory (index
 *     and synonym followers, query-log flushes); platform jobs run on db-scheduler's own threads
 * @param shutdownWait how long a stopping node waits for work its pools have already started (the
 *     rest is durable or redone)
 */
@ConfigurationProperties("gongkai.executors")
@Validated
public record ExecutorSettings(
    @DefaultValue("4") @Min(1) @Max(256) int eventsThreads,
    @DefaultValue("2") @Min(1) @Max(256) int indexingThreads,
    @DefaultValue("1") @Min(1) @Max(64) int exportThreads,
    @DefaultValue("1") @Min(1) @Max(64) int mailThreads,
    @DefaultValue("2") @Min(1) @Max(64) int schedulingThreads,
    @DefaultValue("10s") Duration shutdownWait) {}
