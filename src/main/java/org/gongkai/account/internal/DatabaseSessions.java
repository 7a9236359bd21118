package org.gongkai.account.internal;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions in the database when several application nodes share the work ({@code
 * gongkai.cluster.sessions=database}, the default on PostgreSQL): a console login on one node is
 * valid on every other, and a node that stops takes nobody's session with it. The embedded default
 * keeps them in memory, which costs no database round trip per request.
 */
@Configuration(proxyBeanMethods = false)
// A condition is decided before any bean exists, so it reads the setting itself; ClusterProperties
// documents it and refuses a value that is neither memory nor database.
@ConditionalOnProperty(name = "gongkai.cluster.sessions", havingValue = "database")
@EnableJdbcHttpSession
class DatabaseSessions {

  /** The same idle timeout as sessions in memory have. */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
      ServerProperties server) {
    Duration timeout = server.getServlet().getSession().getTimeout();
    return repository -> repository.setDefaultMaxInactiveInterval(timeout);
  }

  /**
   * The cookie as the container would write it, from the same settings ({@code
   * server.servlet.session.cookie.*}: name, path, domain, HttpOnly, Secure, SameSite), so that
   * renaming it (the {@code __Host-} form is good practice) renames it for every node and for
   * everything that asks whether a request has a session. A {@code __Host-} cookie is always
   * Secure, on the path {@code /} and without a domain, as browsers require.
   */
  @Bean
  CookieSerializer sessionCookie(ServerProperties server) {
    Cookie settings = server.getServlet().getSession().getCookie();
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    String name = settings.getName() == null ? "JSESSIONID" : settings.getName();
    cookie.setCookieName(name);
    cookie.setUseBase64Encoding(false);
    cookie.setUseHttpOnlyCookie(!Boolean.FALSE.equals(settings.getHttpOnly()));
    cookie.setSameSite(
        settings.getSameSite() == null ? "Lax" : settings.getSameSite().attributeValue());
    if (name.startsWith("__Host-")) {
      cookie.setUseSecureCookie(true);
      cookie.setCookiePath("/");
    } else {
      if (settings.getSecure() != null) {
        cookie.setUseSecureCookie(settings.getSecure());
      }
      if (settings.getPath() != null) {
        cookie.setCookiePath(settings.getPath());
      }
      if (settings.getDomain() != null) {
        cookie.setDomainName(settings.getDomain());
      }
    }
    return cookie;
  }
}
