package org.gongkai.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * What a public error page (404, 410…) needs to stand in the frame of the site that serves it: the
 * site's name, its navigation and footer. The module that draws the public site answers; a page
 * outside the public site (the console, the sign-in) gets no frame.
 */
public interface ErrorPageFrame {

  /** The model attributes of the public frame for this request; empty when it has none. */
  Map<String, ?> attributes(HttpServletRequest request);

  /**
   * Whether an error at this address belongs to the public site: raised by a {@link PublicPage}
   * controller, or at an address nothing answers outside the console, the sign-in and the API.
   */
  static boolean isPublic(HttpServletRequest request, Object handler) {
    if (handler instanceof org.springframework.web.method.HandlerMethod method) {
      return method.getBeanType().isAnnotationPresent(PublicPage.class);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/console")
        || path.startsWith("/api/")
        || path.equals("/login")
        || path.startsWith("/login/"));
  }
}
