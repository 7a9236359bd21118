package org.gongkai.account;

/** A logged-in member of staff, as the other modules see them. */
public record Staff(long id, String username, String displayName, Role role, Long agencyId, boolean enabled) {

  public boolean isPlatformAdmin() {
    return role == Role.PLATFORM_ADMIN;
  }
}
