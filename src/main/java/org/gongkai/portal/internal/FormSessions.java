package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page that is not kept (forms, the console) has its CSRF token, and with it its session, made
 * before it is rendered: a long page is sent while it renders, and a session cannot be opened once
 * the response has begun. Public pages make theirs only if a form on them asks (they are buffered
 * whole), so that a page without a form sets no cookie.
 */
@Configuration(proxyBeanMethods = false)
class FormSessions implements HandlerInterceptor, WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  /** Marks a request handled for a logged-in member of staff: its page is theirs alone. */
  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      request.setAttribute(PublicCaching.RENDERED_FOR_PRINCIPAL, Boolean.TRUE);
    }
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
    if (page == null
        || page.getViewName() == null
        || page.getViewName().startsWith("redirect:")
        || CachePolicy.of(request.getRequestURI()) != CachePolicy.PRIVATE) {
      return;
    }
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    if (token != null) {
      token.getToken();
    }
  }
}
