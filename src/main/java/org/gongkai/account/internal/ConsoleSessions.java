package org.gongkai.account.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gongkai.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens and closes console sessions: a login stamps the session for {@link SessionValidity} and is
 * audited with the address it came from, as is a logout.
 */
class ConsoleSessions implements AuthenticationSuccessHandler, LogoutHandler {

  private final SessionValidity validity;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final SavedRequestAwareAuthenticationSuccessHandler toConsole =
      new SavedRequestAwareAuthenticationSuccessHandler();

  ConsoleSessions(SessionValidity validity, AuditTrail audit, TransactionTemplate transactions) {
    this.validity = validity;
    this.audit = audit;
    this.transactions = transactions;
    toConsole.setDefaultTargetUrl("/console");
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, ServletException {
    StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
    validity.opened(request.getSession(), principal);
    transactions.executeWithoutResult(tx -> audit.record(principal.getUsername(), "account.login", "account",
        principal.staff().id(), null));
    toConsole.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
      transactions.executeWithoutResult(tx -> audit.record(principal.getUsername(), "account.logout", "account",
          principal.staff().id(), null));
    }
  }
}
