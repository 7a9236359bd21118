package org.gongkai.account;

import java.io.Serializable;

/**
 * A logged-in member of staff, as the other modules see them. {@code personalData}: may see
 * applicants' and senders' personal data in full (each view audited); others see it masked.
 */
public record Staff(
    long id,
    String username,
    String displayName,
    Role role,
    Long agencyId,
    boolean enabled,
    boolean personalData)
    implements Serializable {

  public boolean isPlatformAdmin() {
    return role == Role.PLATFORM_ADMIN;
  }
}
