package org.gongkai.shared.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The proof of work asked of every public submission.
 *
 * @param maxNumber The largest number the client may have to try; the expected work is half of it
 *     (500,000 is about half a second in a phone's browser). Lower it only for tests and harnesses.
 */
@ConfigurationProperties("gongkai.challenge")
@Validated
public record ChallengeProperties(@DefaultValue("500000") @Min(1) long maxNumber) {}
