package org.gongkai.account.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A member of staff who logged in through the unified identity service: the account it maps to, and
 * its token.
 */
record StaffOidcPrincipal(Staff staff, OidcUser identity) implements OidcUser, StaffIdentity {

  @Override
  public Map<String, Object> getClaims() {
    return identity.getClaims();
  }

  @Override
  public OidcUserInfo getUserInfo() {
    return identity.getUserInfo();
  }

  @Override
  public OidcIdToken getIdToken() {
    return identity.getIdToken();
  }

  @Override
  public Map<String, Object> getAttributes() {
    return identity.getAttributes();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()));
  }

  @Override
  public String getName() {
    return staff.username();
  }
}
