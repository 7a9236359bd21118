package org.gongkai.syndication.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook deliveries to other platforms.
 *
 * @param sendInterval How often the cluster job looks for deliveries that are due.
 * @param baseDelay The pause after a first failed attempt; each further failure doubles it.
 * @param maxDelay The longest pause between two attempts.
 * @param maxAttempts After this many failed attempts a delivery is given up (it can be redelivered
 *     by hand).
 * @param lease How long a node holds a delivery it claimed; a node that dies mid-delivery loses it
 *     to another after this.
 * @param timeout Connect and answer timeout of one attempt.
 * @param batch How many due deliveries one run claims.
 * @param allowPrivateAddresses Whether endpoints may be on loopback or private addresses (tests,
 *     closed networks).
 */
@ConfigurationProperties("gongkai.syndication")
@Validated
public record SyndicationProperties(
    @DefaultValue("PT15S") @NotNull Duration sendInterval,
    @DefaultValue("PT30S") @NotNull Duration baseDelay,
    @DefaultValue("PT6H") @NotNull Duration maxDelay,
    @DefaultValue("10") @Min(1) int maxAttempts,
    @DefaultValue("PT2M") @NotNull Duration lease,
    @DefaultValue("PT10S") @NotNull Duration timeout,
    @DefaultValue("50") @Min(1) int batch,
    @DefaultValue("false") boolean allowPrivateAddresses) {

  /** The pause before the next attempt after {@code attempts} failed ones. */
  Duration delayAfter(int attempts) {
    int shift = Math.min(Math.max(attempts - 1, 0), 30);
    Duration delay = baseDelay.multipliedBy(1L << shift);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
