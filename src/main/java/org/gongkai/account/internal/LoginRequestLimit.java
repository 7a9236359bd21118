package org.gongkai.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login form is a user name, a password and a token: a few hundred bytes. A larger post to {@code
 * /login} is refused before its body is read, so that nobody makes the server parse megabytes to
 * check a password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginRequestLimit extends OncePerRequestFilter {

  static final int MAX_BYTES = 4096;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length < 0 || length > MAX_BYTES) {
      response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return;
    }
    chain.doFilter(request, response);
  }
}
