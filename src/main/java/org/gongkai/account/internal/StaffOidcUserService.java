package org.gongkai.account.internal;

import java.util.Optional;
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
 * Maps an identity from the unified identity service (统一身份认证) to a Gongkai account by its issuer
 * and subject, linked once (by an administrator, or through the verified claim the operator names
 * in {@code gongkai.security.oidc.link-claim}). A name the provider's user can change never picks
 * the account. Nobody gets an account by logging in; administrators create them as before.
 */
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OAuth2UserService<OidcUserRequest, OidcUser> identities;
  private final JdbcAccounts accounts;
  private final SingleSignOnLinks links;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final String linkClaim;

  StaffOidcUserService(
      OAuth2UserService<OidcUserRequest, OidcUser> identities,
      JdbcAccounts accounts,
      SingleSignOnLinks links,
      AuditTrail audit,
      TransactionTemplate transactions,
      String linkClaim) {
    this.identities = identities;
    this.accounts = accounts;
    this.links = links;
    this.audit = audit;
    this.transactions = transactions;
    this.linkClaim = linkClaim;
  }

  static StaffOidcUserService standard(
      JdbcAccounts accounts,
      SingleSignOnLinks links,
      AuditTrail audit,
      TransactionTemplate transactions,
      SingleSignOnSettings settings) {
    return new StaffOidcUserService(
        new OidcUserService(), accounts, links, audit, transactions, settings.linkClaim());
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser identity = identities.loadUser(request);
    String issuer = identity.getIdToken().getIssuer() == null ? null : issuer(identity);
    String subject = identity.getSubject();
    if (issuer == null || subject == null) {
      throw refused(request, "?", "no issuer or subject");
    }
    Staff staff =
        transactions.execute(
            tx ->
                links
                    .accountOf(issuer, subject)
                    .flatMap(accounts::find)
                    .or(() -> linkByClaim(identity, issuer, subject))
                    .filter(Staff::enabled)
                    .orElse(null));
    if (staff == null) {
      throw refused(request, subject, issuer + " " + subject);
    }
    return new StaffOidcPrincipal(staff, identity);
  }

  private static String issuer(OidcUser identity) {
    return identity.getIdToken().getIssuer().toString();
  }

  /**
   * The first login of an identity the operator lets a claim link: the claim's value names the
   * account, which must not be linked to another identity of this provider already. An e-mail
   * address counts only when the provider says it verified it.
   */
  private Optional<Staff> linkByClaim(OidcUser identity, String issuer, String subject) {
    if (linkClaim == null) {
      return Optional.empty();
    }
    String value = identity.getClaimAsString(linkClaim);
    if (value == null || !LoginThrottle.isPlausible(value)) {
      return Optional.empty();
    }
    Optional<Staff> account;
    if ("email".equals(linkClaim)) {
      if (!Boolean.TRUE.equals(identity.getEmailVerified())) {
        return Optional.empty();
      }
      account = accounts.findByEmail(value);
    } else {
      account = accounts.findByUsername(value);
    }
    return account
        .filter(Staff::enabled)
        .filter(staff -> !links.linkedTo(staff.id(), issuer))
        .map(
            staff -> {
              links.link(staff, issuer, subject, "claim " + linkClaim);
              return staff;
            });
  }

  private OAuth2AuthenticationException refused(
      OidcUserRequest request, String subject, String detail) {
    String who = subject.length() > 60 ? subject.substring(0, 60) : subject;
    transactions.executeWithoutResult(
        tx ->
            audit.record(
                who,
                "account.sso-refused",
                "login",
                who,
                request.getClientRegistration().getRegistrationId() + " " + detail));
    return new OAuth2AuthenticationException(
        new OAuth2Error("no_account", "no enabled account is linked to this identity", null));
  }
}
