package org.gongkai.account.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
@ConditionalOnProperty(name = "gongkai.cluster.sessions", havingValue = "database")
@EnableJdbcHttpSession
class DatabaseSessions {

  /** The same idle timeout as sessions in memory have. */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    return repository -> repository.setDefaultMaxInactiveInterval(timeout);
  }

  /**
   * The cookie as the container would write it: same name, HttpOnly, SameSite=Lax, Secure behind
   * HTTPS.
   */
  @Bean
  CookieSerializer sessionCookie() {
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName("JSESSIONID");
    cookie.setUseBase64Encoding(false);
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    return cookie;
  }
}
