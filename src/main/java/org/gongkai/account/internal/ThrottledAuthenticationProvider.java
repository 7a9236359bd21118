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

  ThrottledAuthenticationProvider(
      JdbcAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, AuditTrail audit,
      TransactionTemplate transactions) {
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
        authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
    if (!LoginThrottle.isPlausible(username)) {
      throw new BadCredentialsException("no such user");
    }
    if (throttle.isLocked(username, address)) {
      throw new LockedException("too many failed logins");
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(username, address);
      return result;
    } catch (BadCredentialsException e) {
      boolean locks = throttle.failed(username, address);
      transactions.executeWithoutResult(tx -> {
        audit.record(username, "account.login-failed", "login", username, null);
        if (locks) {
          audit.record(username, "account.login-locked", "login", username, "from " + address);
        }
      });
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
