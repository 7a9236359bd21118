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
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens and closes console sessions: a login stamps the session for {@link SessionValidity} and is
 * audited with the address it came from, as is a logout.
 */
class ConsoleSessions implements AuthenticationSuccessHandler, LogoutHandler {

  private final SessionValidity validity;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final SecondFactors secondFactors;
  private final SingleSignOnSettings singleSignOn;
  private final SavedRequestAwareAuthenticationSuccessHandler toConsole =
      new SavedRequestAwareAuthenticationSuccessHandler();

  ConsoleSessions(
      SessionValidity validity,
      AuditTrail audit,
      TransactionTemplate transactions,
      SecondFactors secondFactors,
      SingleSignOnSettings singleSignOn) {
    this.secondFactors = secondFactors;
    this.singleSignOn = singleSignOn;
    this.validity = validity;
    this.audit = audit;
    this.transactions = transactions;
    toConsole.setDefaultTargetUrl("/console");
    // The site chain keeps the page a visitor was going to in a cookie, not a session.
    toConsole.setRequestCache(new CookieRequestCache());
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    StaffIdentity principal = (StaffIdentity) authentication.getPrincipal();
    validity.opened(request.getSession(), principal);
    transactions.executeWithoutResult(
        tx ->
            audit.record(
                principal.staff().username(),
                "account.login",
                "account",
                principal.staff().id(),
                principal instanceof StaffOidcPrincipal ? "single sign-on" : null));
    // After single sign-on the second factor is asked here as after a password, unless the ID
    // token says the identity service checked one (acr/amr values the operator trusts).
    SecondFactors.Need need =
        principal instanceof StaffOidcPrincipal oidc
                && singleSignOn.providerCheckedSecondFactor(
                    oidc.getIdToken().getClaim("acr"), oidc.getIdToken().getClaim("amr"))
            ? SecondFactors.Need.NONE
            : secondFactors.need(principal.staff());
    if (need != SecondFactors.Need.NONE) {
      request.getSession().setAttribute(SecondFactorGate.STATE, need.name());
      response.sendRedirect(
          request.getContextPath()
              + (need == SecondFactors.Need.ENROL
                  ? SecondFactorGate.SETUP_PAGE
                  : SecondFactorGate.VERIFY_PAGE));
      return;
    }
    toConsole.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void logout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication != null
        && authentication.getPrincipal() instanceof StaffIdentity principal) {
      transactions.executeWithoutResult(
          tx ->
              audit.record(
                  principal.staff().username(),
                  "account.logout",
                  "account",
                  principal.staff().id(),
                  null));
    }
  }
}
