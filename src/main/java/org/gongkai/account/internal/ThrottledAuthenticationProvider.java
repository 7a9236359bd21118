package org.gongkai.account.internal;

import org.gongkai.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** Password checking for the form and for HTTP Basic, with the same throttle in front of both. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final DaoAuthenticationProvider delegate;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final SecondFactors secondFactors;

  ThrottledAuthenticationProvider(
      JdbcAccounts accounts,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      AuditTrail audit,
      TransactionTemplate transactions,
      SecondFactors secondFactors) {
    this.secondFactors = secondFactors;
    this.delegate = new DaoAuthenticationProvider(accounts);
    this.delegate.setPasswordEncoder(encoder);
    this.throttle = throttle;
    this.audit = audit;
    this.transactions = transactions;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "";
    if (!LoginThrottle.isPlausible(username)) {
      throw new BadCredentialsException("no such user");
    }
    if (throttle.isLocked(username, address)) {
      throw new LockedException("too many failed logins");
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      if (authentication.getDetails() instanceof ApiCredentials api) {
        requireSecondFactor((StaffPrincipal) result.getPrincipal(), api, username, address);
      }
      throttle.succeeded(username, address);
      // The session keeps who logged in, not their password hash.
      StaffPrincipal principal = (StaffPrincipal) result.getPrincipal();
      UsernamePasswordAuthenticationToken kept =
          UsernamePasswordAuthenticationToken.authenticated(
              principal.withoutPassword(), null, result.getAuthorities());
      kept.setDetails(result.getDetails());
      return kept;
    } catch (BadCredentialsException e) {
      boolean locks = throttle.failed(username, address);
      transactions.executeWithoutResult(
          tx -> {
            audit.record(username, "account.login-failed", "login", username, null);
            if (locks) {
              audit.record(username, "account.login-locked", "login", username, "from " + address);
            }
          });
      throw e;
    }
  }

  /**
   * A script's call with a password only is refused for an account that has, or must have, a second
   * factor.
   */
  private void requireSecondFactor(
      StaffPrincipal principal, ApiCredentials api, String username, String address) {
    SecondFactors.Need need = secondFactors.need(principal.staff());
    if (need == SecondFactors.Need.ENROL) {
      throw new BadCredentialsException(
          "an administrator sets up a second factor in the console before using the API");
    }
    if (need == SecondFactors.Need.VERIFY
        && !secondFactors.verify(principal.staff(), api.oneTimeCode())) {
      boolean locks = throttle.failed(username, address);
      transactions.executeWithoutResult(
          tx -> {
            audit.record(username, "account.second-factor.failed", "login", username, null);
            if (locks) {
              audit.record(username, "account.login-locked", "login", username, "from " + address);
            }
          });
      throw new BadCredentialsException("second factor missing or wrong");
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
