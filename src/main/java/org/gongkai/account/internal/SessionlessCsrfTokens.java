package org.gongkai.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a form's CSRF token is kept: in the session of whoever has one (staff), in a cookie of its
 * own (double submit) for everyone else. A visitor who opens the application form, the mailbox, a
 * consultation's comment form or the login page gets a cookie, not a session: a stream of anonymous
 * page views then leaves nothing behind on the server, and only a login opens a session. The cookie
 * is HTTP-only and {@code SameSite=Strict}, {@code Secure} over TLS; the token in the page is
 * masked afresh on each render as with the session.
 */
final class SessionlessCsrfTokens implements CsrfTokenRepository {

  static final String COOKIE = "gongkai-csrf";

  private final CsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

  SessionlessCsrfTokens() {
    cookies.setCookieName(COOKIE);
    cookies.setCookiePath("/");
    cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return pick(request).generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (token == null) {
      // Cleared at login and logout: wherever it was.
      cookies.saveToken(null, request, response);
      sessions.saveToken(null, request, response);
      return;
    }
    pick(request).saveToken(token, request, response);
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return pick(request).loadToken(request);
  }

  private CsrfTokenRepository pick(HttpServletRequest request) {
    return request.getSession(false) != null ? sessions : cookies;
  }
}
