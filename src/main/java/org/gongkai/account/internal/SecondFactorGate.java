package org.gongkai.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a session that has passed the password but not yet the second factor: until the code is
 * given (or, for an administrator without one, until an authenticator is set up), the session
 * reaches nothing but that page, the style sheets and the logout.
 */
class SecondFactorGate extends OncePerRequestFilter {

  static final String STATE = "gongkai.second-factor";
  static final String VERIFY_PAGE = "/login/second-factor";
  static final String SETUP_PAGE = "/console/second-factor";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Object state = session == null ? null : session.getAttribute(STATE);
    if (state == null) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String page = SecondFactors.Need.ENROL.name().equals(state) ? SETUP_PAGE : VERIFY_PAGE;
    boolean allowed =
        path.equals(page)
            || path.startsWith(page + "/")
            || path.equals("/logout")
            || path.startsWith("/css/")
            || path.startsWith("/js/")
            || path.startsWith("/vendor/")
            || path.equals("/error")
            || path.equals("/favicon.ico");
    if (allowed) {
      chain.doFilter(request, response);
    } else if (path.startsWith("/api/")) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    } else {
      response.sendRedirect(request.getContextPath() + page);
    }
  }
}
