package org.gongkai.account.internal;

import java.util.Collection;
import java.util.List;
import org.gongkai.account.Staff;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

record StaffPrincipal(Staff staff, String passwordHash, boolean enabled)
    implements UserDetails, StaffIdentity {

  /** The same principal without the hash, as the session keeps it once the password is checked. */
  StaffPrincipal withoutPassword() {
    return new StaffPrincipal(staff, null, enabled);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return staff.username();
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }
}
