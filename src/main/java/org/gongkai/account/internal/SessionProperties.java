package org.gongkai.account.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Console sessions.
 *
 * @param absoluteHours How long after login a console session ends, whatever the activity (a number
 *     is hours); the idle timeout (server.servlet.session.timeout) ends it sooner.
 */
@ConfigurationProperties("gongkai.session")
@Validated
record SessionProperties(
    @DefaultValue("12") @DurationUnit(ChronoUnit.HOURS) @NotNull Duration absoluteHours) {}
