package org.gongkai.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.gongkai.account.Role;
import org.gongkai.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SingleSignOnSettings.class)
class SecurityConfiguration {

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
          + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  @Bean
  AuthenticationManager authenticationManager(
      JdbcAccounts accounts,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      AuditTrail audit,
      TransactionTemplate transactions,
      SecondFactors secondFactors) {
    return new ProviderManager(
        new ThrottledAuthenticationProvider(
            accounts, encoder, throttle, audit, transactions, secondFactors));
  }

  /**
   * Logins are observed (metrics, traces); the filter chain and the authorization of every request
   * are not: they wrapped each of a dozen filters in an observation of its own on every request, a
   * cost every public search paid, and the request as a whole is observed once already.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.withDefaults()
        .shouldObserveRequests(false)
        .shouldObserveAuthorizations(false)
        .build();
  }

  @Bean
  SessionValidity sessionValidity(JdbcAccounts accounts, Clock clock, SessionProperties settings) {
    return new SessionValidity(accounts, clock, settings.absoluteHours());
  }

  /** Only the security chains run this filter; the servlet container must not run it twice. */
  @Bean
  FilterRegistrationBean<SessionValidity> sessionValidityRegistration(SessionValidity filter) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  /**
   * The operations endpoints: health and the liveness and readiness probes for anyone; the
   * Prometheus metrics for the platform admin (HTTP Basic), or for anyone who reaches a separate
   * management port ({@code management.server.port}), which belongs on a network only the operators
   * and their monitoring reach.
   */
  @Bean
  @Order(0)
  SecurityFilterChain operations(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      ServerProperties server,
      ObjectProvider<ManagementServerProperties> management)
      throws Exception {
    // Spring Boot's own settings (management.server.port, server.port), read from its records.
    ManagementServerProperties managementServer = management.getIfAvailable();
    int managementPort =
        managementServer == null || managementServer.getPort() == null
            ? -1
            : managementServer.getPort();
    boolean separatePort =
        managementPort > 0 && !Integer.valueOf(managementPort).equals(server.getPort());
    http.securityMatcher("/actuator/**")
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
              if (separatePort) {
                auth.requestMatchers(request -> request.getLocalPort() == managementPort)
                    .permitAll();
              }
              auth.anyRequest().hasRole(Role.PLATFORM_ADMIN.name());
            })
        .httpBasic(
            basic -> basic.realmName("Gongkai").authenticationDetailsSource(ApiCredentials::new))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(this::headers);
    return http.build();
  }

  /**
   * The staff API called by a script: every request carries a personal access token ({@code
   * Authorization: Bearer}) or HTTP Basic credentials and is authenticated by them alone, never by
   * a session, so it needs no CSRF token. A request that merely has an {@code Authorization} header
   * and fails it is refused, not let through on a session cookie.
   */
  @Bean
  @Order(1)
  SecurityFilterChain staffApiWithCredentials(
      HttpSecurity http, AuthenticationManager authenticationManager, AccessTokens tokens)
      throws Exception {
    http.securityMatcher(
            request ->
                request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/admin/")
                    && carriesCredentials(request))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .addFilterBefore(new AccessTokenFilter(tokens), BasicAuthenticationFilter.class)
        .httpBasic(
            basic -> basic.realmName("Gongkai").authenticationDetailsSource(ApiCredentials::new))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> true))
        .csrf(csrf -> csrf.disable())
        .headers(this::headers);
    return http.build();
  }

  /**
   * The staff API called from the console (htmx): the session, with a CSRF token on every change.
   */
  @Bean
  @Order(2)
  SecurityFilterChain staffApi(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      SessionValidity sessionValidity)
      throws Exception {
    SecondFactorGate gate = new SecondFactorGate();
    http.securityMatcher("/api/v1/admin/**")
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> true))
        .addFilterAfter(sessionValidity, SecurityContextHolderFilter.class)
        .addFilterAfter(gate, SessionValidity.class)
        .headers(this::headers);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain site(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      SessionValidity sessionValidity,
      AuditTrail audit,
      TransactionTemplate transactions,
      SecondFactors secondFactors,
      ObjectProvider<ClientRegistrationRepository> singleSignOn,
      JdbcAccounts accounts,
      SingleSignOnLinks links,
      SingleSignOnSettings singleSignOnSettings)
      throws Exception {
    var sessions =
        new ConsoleSessions(
            sessionValidity, audit, transactions, secondFactors, singleSignOnSettings);
    if (singleSignOn.getIfAvailable() != null) {
      // Only when a registration is configured (spring.security.oauth2.client.registration.*).
      http.oauth2Login(
          oidc ->
              oidc.loginPage("/login")
                  .failureUrl("/login?sso-error")
                  .userInfoEndpoint(
                      info ->
                          info.oidcUserService(
                              StaffOidcUserService.standard(
                                  accounts, links, audit, transactions, singleSignOnSettings)))
                  .successHandler(sessions));
    }
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/console/audit/**", "/console/audit")
                    .hasRole(Role.PLATFORM_ADMIN.name())
                    .requestMatchers("/console/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        // The public API is called without a session; CSRF protects every form, with a token in
        // the session of staff and in a cookie of its own for visitors, who get no session.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers("/api/v1/**")
                    .csrfTokenRepository(new SessionlessCsrfTokens()))
        // Where a visitor was going when sent to the login page is a cookie too, so that probing
        // the console opens no session.
        .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
        .formLogin(form -> form.loginPage("/login").successHandler(sessions).permitAll())
        .addFilterAfter(sessionValidity, SecurityContextHolderFilter.class)
        .addFilterAfter(new SecondFactorGate(), SessionValidity.class)
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .addLogoutHandler(sessions)
                    .logoutSuccessUrl("/login?logout")
                    .permitAll())
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(this::headers);
    return http.build();
  }

  private void headers(HeadersConfigurer<HttpSecurity> headers) {
    // Cache-Control is decided per path by the public site's caching (no-store for all but public
    // pages).
    headers
        .cacheControl(cache -> cache.disable())
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(
            referrer ->
                referrer.policy(
                    ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
  }

  private static boolean carriesCredentials(HttpServletRequest request) {
    return request.getHeader("Authorization") != null;
  }
}
