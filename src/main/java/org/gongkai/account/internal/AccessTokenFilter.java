package org.gongkai.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.gongkai.account.Staff;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer gkp_…} on the staff API: a revoked, expired or unknown token answers
 * 401, a call outside the token's scopes 403; otherwise the call runs as the token's owner
 * (narrowed to the token's agency), and the use is audited. Any other scheme passes on to HTTP
 * Basic.
 */
class AccessTokenFilter extends OncePerRequestFilter {

  private final AccessTokens tokens;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  AccessTokenFilter(AccessTokens tokens) {
    this.tokens = tokens;
  }

  /** Who a token acts as. */
  record TokenPrincipal(Staff staff, long tokenId) implements StaffIdentity {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    var use = tokens.authenticate(header.substring(7).strip());
    if (use.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!ApiScopes.allows(use.get().scopes(), request.getMethod(), path)) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    tokens.used(use.get(), request.getMethod(), path);
    Staff staff = use.get().actingAs();
    var context = contexts.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            new TokenPrincipal(staff, use.get().tokenId()),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()))));
    contexts.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      contexts.clearContext();
    }
  }
}
