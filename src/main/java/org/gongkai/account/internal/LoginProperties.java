package org.gongkai.account.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The login throttle, per user name and address, counted in the database on every node.
 *
 * @param maxFailures Failed logins after which the pair of user name and address is locked.
 * @param lockMinutes How long the lock lasts after the last failure (a number is minutes).
 */
@ConfigurationProperties("gongkai.login")
@Validated
record LoginProperties(
    @DefaultValue("5") @Min(1) int maxFailures,
    @DefaultValue("15") @DurationUnit(ChronoUnit.MINUTES) @NotNull Duration lockMinutes) {}
