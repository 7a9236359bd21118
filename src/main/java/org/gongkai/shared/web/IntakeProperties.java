package org.gongkai.shared.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * How often one client may submit a public form (applications, messages, comments).
 *
 * @param maxSubmissions Submissions per client address and window; beyond that the form answers
 *     429.
 * @param windowMinutes The sliding window the submissions are counted in (a number is minutes).
 */
@ConfigurationProperties("gongkai.intake")
@Validated
public record IntakeProperties(
    @DefaultValue("10") @Min(1) int maxSubmissions,
    @DefaultValue("10") @DurationUnit(ChronoUnit.MINUTES) @NotNull Duration windowMinutes) {}
