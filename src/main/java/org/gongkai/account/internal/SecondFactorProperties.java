package org.gongkai.account.internal;

import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.gongkai.account.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The second factor at a password login: an authenticator app (TOTP).
 *
 * @param requiredRoles Roles that must log in with an authenticator app; the others may.
 * @param personalData Whether staff who hold the personal-data permission must log in with an
 *     authenticator app too, whatever their role.
 */
@ConfigurationProperties("gongkai.security.second-factor")
@Validated
record SecondFactorProperties(
    @DefaultValue({"AGENCY_ADMIN", "PLATFORM_ADMIN"}) @NotNull Set<Role> requiredRoles,
    @DefaultValue("true") boolean personalData) {}
