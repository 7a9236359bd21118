package org.gongkai.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The senior-friendly mode (适老化): larger text, stronger contrast, bigger targets, nothing that pops
 * up. {@code ?senior=on} or {@code off} on any page switches it and a cookie remembers the choice;
 * pages read it as {@code seniorMode}. The public page cache keeps one copy per mode.
 */
final class SeniorMode implements HandlerInterceptor {

  static final String COOKIE = "gongkai-senior";
  static final String PARAMETER = "senior";
  static final String ATTRIBUTE = "seniorMode";

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String asked = request.getParameter(PARAMETER);
    boolean on;
    if ("on".equals(asked) || "off".equals(asked)) {
      on = "on".equals(asked);
      response.addHeader(
          "Set-Cookie",
          ResponseCookie.from(COOKIE, on ? "on" : "")
              .path("/")
              .maxAge(on ? Duration.ofDays(365) : Duration.ZERO)
              .sameSite("Lax")
              .build()
              .toString());
    } else {
      on = isOn(request);
    }
    request.setAttribute(ATTRIBUTE, on);
    return true;
  }

  static boolean isOn(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName()) && "on".equals(cookie.getValue())) {
          return true;
        }
      }
    }
    return false;
  }
}
