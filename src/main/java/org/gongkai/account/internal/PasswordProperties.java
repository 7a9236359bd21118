package org.gongkai.account.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a new password is checked against.
 *
 * @param haveIBeenPwned Whether a new password is also looked up in Have I Been Pwned's breached
 *     passwords (k-anonymity: only the first five characters of its SHA-1 leave the platform). Off
 *     by default, since it calls a service on the internet; the list of common passwords shipped
 *     with the platform is always checked.
 */
@ConfigurationProperties("gongkai.security.passwords")
record PasswordProperties(@DefaultValue("false") boolean haveIBeenPwned) {}
