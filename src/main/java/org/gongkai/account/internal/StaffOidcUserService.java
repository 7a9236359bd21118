package org.gongkai.account.internal;

import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps an identity from the unified identity service (统一身份认证) to a Gongkai account: the claim named
 * by {@code gongkai.security.oidc.username-claim} must equal the user name of an enabled account.
 * Nobody gets an account by logging in; administrators create them as before.
 */
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OAuth2UserService<OidcUserRequest, OidcUser> identities;
  private final JdbcAccounts accounts;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final String usernameClaim;

  StaffOidcUserService(
      OAuth2UserService<OidcUserRequest, OidcUser> identities,
      JdbcAccounts accounts,
      AuditTrail audit,
      TransactionTemplate transactions,
      String usernameClaim) {
    this.identities = identities;
    this.accounts = accounts;
    this.audit = audit;
    this.transactions = transactions;
    this.usernameClaim = usernameClaim;
  }

  static StaffOidcUserService standard(
      JdbcAccounts accounts,
      AuditTrail audit,
      TransactionTemplate transactions,
      String usernameClaim) {
    return new StaffOidcUserService(
        new OidcUserService(), accounts, audit, transactions, usernameClaim);
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser identity = identities.loadUser(request);
    String username = identity.getClaimAsString(usernameClaim);
    Staff staff =
        username == null || !LoginThrottle.isPlausible(username)
            ? null
            : accounts.findByUsername(username).filter(Staff::enabled).orElse(null);
    if (staff == null) {
      String who = username == null ? identity.getSubject() : username;
      transactions.executeWithoutResult(
          tx ->
              audit.record(
                  who.length() > 60 ? who.substring(0, 60) : who,
                  "account.sso-refused",
                  "login",
                  who,
                  request.getClientRegistration().getRegistrationId()));
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              "no_account", "no enabled account for " + usernameClaim + "=" + username, null));
    }
    return new StaffOidcPrincipal(staff, identity);
  }
}
