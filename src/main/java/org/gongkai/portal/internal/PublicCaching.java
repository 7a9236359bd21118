package org.gongkai.portal.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.gongkai.analytics.Visits;
import org.gongkai.shared.site.PageCacheProperties;
import org.gongkai.shared.site.PublicSiteVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * HTTP caching for the whole site, and the rendered-page cache in front of it. Public pages asked
 * for anonymously (no live session in the session store, no credentials, no language switch) are
 * kept rendered until the public site's version moves or {@code gongkai.http.public-max-age}
 * passes, carry a strong ETag and that max-age, and answer a conditional GET with 304. Whether a
 * request has a session is asked of the session store that serves it (the container's, or the
 * database's with {@code gongkai.cluster.sessions=database}), never read off a cookie name. A page
 * rendered for a logged-in principal, one that carries a CSRF token, or one that opened a session
 * is neither kept nor cacheable downstream; everything off the public allow-list is {@code
 * no-store}. It runs first, before the request observation and security, so that a kept page costs
 * no more than a static file: the observation's timer alone cost more than answering from here.
 * Pages answered from here are counted in {@code gongkai.page.cache.served}; the {@code
 * http.server.requests} timer measures the rest.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicCaching extends OncePerRequestFilter {

  static final String LANGUAGE_COOKIE = "gongkai-lang";

  /** The senior-friendly mode's cookie: each mode has its own copy of a page. */
  static final String SENIOR_COOKIE = "gongkai-senior";

  private static final String NO_STORE = "no-store";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final long STATIC_NANOS = Duration.ofDays(1).toNanos();

  private final RenderedPages pages;
  private final PublicSiteVersion site;
  private final boolean enabled;
  private final String publicControl;
  private final long publicNanos;
  private final Counter served;
  private final ObjectProvider<SessionRepository<? extends Session>> sharedSessions;
  private final ObjectProvider<CookieSerializer> sharedSessionCookie;
  private final ServingSite sites;
  private final Visits visits;

  PublicCaching(
      ServingSite sites,
      RenderedPages pages,
      PublicSiteVersion site,
      MeterRegistry meters,
      ObjectProvider<SessionRepository<? extends Session>> sharedSessions,
      ObjectProvider<CookieSerializer> sharedSessionCookie,
      PageCacheProperties pageCache,
      HttpProperties http,
      Visits visits) {
    Duration maxAge = http.publicMaxAge();
    this.sites = sites;
    this.visits = visits;
    this.pages = pages;
    this.site = site;
    this.sharedSessions = sharedSessions;
    this.sharedSessionCookie = sharedSessionCookie;
    this.served =
        Counter.builder("gongkai.page.cache.served")
            .description("public pages and static files answered from the rendered-page cache")
            .register(meters);
    this.enabled = pageCache.enabled();
    this.publicControl = "public, max-age=" + maxAge.toSeconds();
    this.publicNanos = maxAge.toNanos();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    boolean get = "GET".equals(method);
    CachePolicy policy =
        get || "HEAD".equals(method)
            ? CachePolicy.of(request.getRequestURI())
            : CachePolicy.PRIVATE;
    if (policy == CachePolicy.PRIVATE) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
      chain.doFilter(request, response);
      return;
    }
    String siteId = "";
    long servingId = 0;
    if (policy != CachePolicy.STATIC) {
      var serving = sites.of(request);
      if (serving.isEmpty()) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      servingId = serving.get().id();
      siteId = String.valueOf(servingId);
    }
    boolean anonymous = policy == CachePolicy.STATIC || anonymous(request);
    if (policy == CachePolicy.PUBLIC_STREAMED || (policy == CachePolicy.PUBLIC && !anonymous)) {
      response.setHeader(
          HttpHeaders.CACHE_CONTROL, anonymous ? publicControl : "private, no-cache");
      chain.doFilter(request, response);
      if (policy == CachePolicy.PUBLIC) {
        visits.pageServed(servingId, request, response.getStatus());
      }
      return;
    }
    WatchedRequest watched = new WatchedRequest(request);
    request = watched;
    String key = siteId + '|' + key(request);
    long version = policy == CachePolicy.STATIC ? RenderedPages.ANY_VERSION : site.current();
    if (enabled) {
      RenderedPages.Page kept = pages.get(key);
      if (kept != null && kept.usableAt(version, System.nanoTime())) {
        KeptPageResponse.write(kept, request, response, get);
        served.increment();
        if (policy == CachePolicy.PUBLIC) {
          visits.pageServed(servingId, request, response.getStatus());
        }
        return;
      }
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    finish(watched, response, buffered, policy, key, version, get);
    if (policy == CachePolicy.PUBLIC) {
      visits.pageServed(servingId, request, response.getStatus());
    }
  }

  private void finish(
      WatchedRequest request,
      HttpServletResponse response,
      ContentCachingResponseWrapper buffered,
      CachePolicy policy,
      String key,
      long version,
      boolean get)
      throws IOException {
    int status = buffered.getStatus();
    boolean sessionBound =
        !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
            || request.getSession(false) != null
            || request.tokenRead
            || request.getAttribute(RENDERED_FOR_PRINCIPAL) != null;
    boolean storable =
        !response.isCommitted()
            && (status == 200 || status == 410)
            && !sessionBound
            && response.getHeader(HttpHeaders.CACHE_CONTROL) == null;
    if (!storable) {
      if (!response.isCommitted() && response.getHeader(HttpHeaders.CACHE_CONTROL) == null) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, sessionBound ? NO_STORE : "no-cache");
      }
      buffered.copyBodyToResponse();
      return;
    }
    String control =
        policy == CachePolicy.PUBLIC
            ? publicControl
            : CachePolicy.fingerprinted(request.getRequestURI()) ? IMMUTABLE : publicControl;
    response.setHeader(HttpHeaders.CACHE_CONTROL, control);
    if (policy == CachePolicy.PUBLIC
        && !response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.COOKIE)) {
      // A page is rendered in the language and mode its visitor's cookies chose: a shared cache
      // in front must keep a copy per cookie, as the rendered-page cache here does.
      response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }
    if (!get) {
      buffered.copyBodyToResponse();
      return;
    }
    byte[] body = buffered.getContentAsByteArray();
    String etag = KeptPageResponse.etag(body);
    response.setHeader(HttpHeaders.ETAG, etag);
    if (enabled && body.length > 0) {
      long lifetime = policy == CachePolicy.STATIC ? STATIC_NANOS : publicNanos;
      pages.put(
          key,
          new RenderedPages.Page(
              version,
              System.nanoTime() + lifetime,
              status,
              KeptPageResponse.replayedHeaders(response),
              body,
              etag,
              control));
    }
    if (KeptPageResponse.notModified(request, etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    buffered.copyBodyToResponse();
  }

  /**
   * No live session, no credentials and no language switch: the page is the one every such visitor
   * gets. A cookie that names no live session (expired, made up) does not make a visitor someone.
   */
  private boolean anonymous(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && !hasSession(request)
        && (query == null || !(query.contains("lang=") || query.contains("senior=")));
  }

  private boolean hasSession(HttpServletRequest request) {
    SessionRepository<? extends Session> repository = sharedSessions.getIfAvailable();
    CookieSerializer cookie = sharedSessionCookie.getIfAvailable();
    if (repository != null && cookie != null) {
      for (String id : cookie.readCookieValues(request)) {
        if (repository.findById(id) != null) {
          return true;
        }
      }
      return false;
    }
    return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
  }

  /** Set by {@link FormSessions} on a request handled for a logged-in member of staff. */
  static final String RENDERED_FOR_PRINCIPAL = PublicCaching.class.getName() + ".principal";

  /**
   * Notes whether anything read the CSRF token, which a rendered form writes into the page: such a
   * page belongs to its visitor.
   */
  static final class WatchedRequest extends HttpServletRequestWrapper {

    private boolean tokenRead;

    WatchedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public void setAttribute(String name, Object value) {
      super.setAttribute(
          name,
          value instanceof CsrfToken token && !(value instanceof WatchedToken)
              ? new WatchedToken(token, this)
              : value);
    }
  }

  private record WatchedToken(CsrfToken token, WatchedRequest request) implements CsrfToken {

    @Override
    public String getHeaderName() {
      return token.getHeaderName();
    }

    @Override
    public String getParameterName() {
      return token.getParameterName();
    }

    @Override
    public String getToken() {
      request.tokenRead = true;
      return token.getToken();
    }
  }

  private static String key(HttpServletRequest request) {
    String query = request.getQueryString();
    String language = "";
    String senior = "";
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (LANGUAGE_COOKIE.equals(cookie.getName())) {
          language = cookie.getValue();
        } else if (SENIOR_COOKIE.equals(cookie.getName())) {
          senior = cookie.getValue();
        }
      }
    }
    // The site serving the page is the first part of the key; the host is part of it too, since
    // robots.txt and feeds name the address the visitor used when it is one of the site's.
    return request.getScheme()
        + "://"
        + request.getServerName()
        + ':'
        + request.getServerPort()
        + request.getRequestURI()
        + (query == null ? "" : '?' + query)
        + '|'
        + language
        + '|'
        + senior;
  }
}
