package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.gongkai.shared.web.DisplayDates;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A closed site answers 410 with a notice on every public address, its pages and its public API
 * alike; staff still reach the console and the admin API on its host.
 */
@Configuration(proxyBeanMethods = false)
class ClosedSites implements HandlerInterceptor, WebMvcConfigurer {

  private static final List<String> STAFF_PREFIXES =
      List.of("/console", "/api/v1/admin", "/login", "/logout", "/actuator", "/error");

  private final ServingSite serving;
  private final DisplayDates dates;

  ClosedSites(ServingSite serving, DisplayDates dates) {
    this.serving = serving;
    this.dates = dates;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    // Static files (stylesheets for the notice itself) are no page of the site.
    if (!(handler instanceof HandlerMethod)) {
      return true;
    }
    String path = request.getRequestURI();
    if (STAFF_PREFIXES.stream().anyMatch(path::startsWith)) {
      return true;
    }
    Site site = serving.of(request).orElse(null);
    if (site != null && site.closed()) {
      throw Refusal.gone("site.closed", site.name(), dates.day(site.closedAt()));
    }
    return true;
  }
}
