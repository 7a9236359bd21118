package org.gongkai.account.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identities from the unified identity service (统一身份认证) become accounts.
 *
 * @param linkClaim a claim the provider verifies and its users cannot change (an employee number,
 *     or {@code email} with {@code email_verified}); when set, an identity not yet linked is linked
 *     once to the account whose user name (for {@code email}: e-mail address) equals it. Empty:
 *     only an administrator links identities.
 * @param secondFactorAcr {@code acr} values that mean the provider checked a second factor
 * @param secondFactorAmr {@code amr} values (RFC 8176) that mean the same
 * @param alwaysSecondFactor ask for the second factor here even when the provider asserts one
 */
@ConfigurationProperties("gongkai.security.oidc")
record SingleSignOnSettings(
    String linkClaim,
    List<String> secondFactorAcr,
    @DefaultValue({"mfa", "otp", "hwk"}) List<String> secondFactorAmr,
    boolean alwaysSecondFactor) {

  SingleSignOnSettings {
    linkClaim = linkClaim == null || linkClaim.isBlank() ? null : linkClaim.strip();
    secondFactorAcr = secondFactorAcr == null ? List.of() : List.copyOf(secondFactorAcr);
    secondFactorAmr =
        secondFactorAmr == null ? List.of("mfa", "otp", "hwk") : List.copyOf(secondFactorAmr);
  }

  /** Whether the ID token says the provider checked more than a password. */
  boolean providerCheckedSecondFactor(Object acr, Object amr) {
    if (alwaysSecondFactor) {
      return false;
    }
    if (acr != null && secondFactorAcr.contains(acr.toString())) {
      return true;
    }
    if (amr instanceof java.util.Collection<?> methods) {
      return methods.stream().anyMatch(m -> m != null && secondFactorAmr.contains(m.toString()));
    }
    return false;
  }
}
