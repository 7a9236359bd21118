package org.gongkai.account.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a new password is checked against, and how it is kept.
 *
 * @param haveIBeenPwned Whether a new password is also looked up in Have I Been Pwned's breached
 *     passwords (k-anonymity: only the first five characters of its SHA-1 leave the platform). Off
 *     by default, since it calls a service on the internet; the list of common passwords shipped
 *     with the platform is always checked.
 * @param hashCost BCrypt's cost (log2 of its rounds) for the passwords set from now on; a stored
 *     hash keeps the cost it was made with. Each step doubles the work of a login and of every
 *     request with a password (HTTP Basic): 10 takes some 70 ms of CPU on a 2-core server. Below 10
 *     only where the passwords protect nothing (the tests).
 */
@ConfigurationProperties("gongkai.security.passwords")
@Validated
record PasswordProperties(
    @DefaultValue("false") boolean haveIBeenPwned,
    @DefaultValue("10") @Min(4) @Max(31) int hashCost) {}
