package org.gongkai.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session stays valid only while the account it was opened for is unchanged and for a
 * working day at most: disabling an account, changing its role or agency, or setting a new password
 * ends every session opened before (the version lives in the database, so this holds on every
 * node), and no session lives longer than {@code gongkai.session.absolute-hours}.
 */
class SessionValidity extends OncePerRequestFilter {

  static final String VERSION = "gongkai.session.security-version";
  static final String SINCE = "gongkai.session.since";

  private final JdbcAccounts accounts;
  private final Clock clock;
  private final Duration lifetime;

  SessionValidity(JdbcAccounts accounts, Clock clock, Duration lifetime) {
    this.accounts = accounts;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** Called at login: the session remembers the account's version and when it began. */
  void opened(HttpSession session, StaffIdentity principal) {
    session.setAttribute(
        VERSION, accounts.activeSecurityVersion(principal.staff().id()).orElse(-1));
    session.setAttribute(SINCE, Instant.now(clock));
  }

  /**
   * Called when the session's own holder changed their password: this session carries on (it proved
   * the current password), every other session of the account ends. Its start stays.
   */
  void renewed(HttpSession session, StaffIdentity principal) {
    session.setAttribute(
        VERSION, accounts.activeSecurityVersion(principal.staff().id()).orElse(-1));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (session != null
        && auth != null
        && auth.getPrincipal() instanceof StaffIdentity principal
        && !valid(session, principal)) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      if (request.getRequestURI().startsWith("/console")) {
        response.sendRedirect(request.getContextPath() + "/login?expired");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private boolean valid(HttpSession session, StaffIdentity principal) {
    Object version = session.getAttribute(VERSION);
    Object since = session.getAttribute(SINCE);
    if (!(version instanceof Integer v) || !(since instanceof Instant s)) {
      return false;
    }
    if (s.plus(lifetime).isBefore(Instant.now(clock))) {
      return false;
    }
    Optional<Integer> current = accounts.activeSecurityVersion(principal.staff().id());
    return current.isPresent() && current.get().equals(v);
  }
}
