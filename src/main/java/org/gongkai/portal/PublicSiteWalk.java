package org.gongkai.portal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every address a site's public serves, found as the static export finds them: from the home page,
 * robots.txt and the sitemaps, following the site's own links (lists one filter at a time), each
 * address asked of this node as one of the site's anonymous visitors asks it. For modules that keep
 * the public site in another form (the web archive).
 */
public interface PublicSiteWalk {

  /**
   * How this node is asked for a site's pages: {@code origin} is the site's public address ({@code
   * https://host}) that its pages name; a request to {@code 127.0.0.1:port} carrying {@code
   * headers} (the forwarded host of a trusted proxy) is one of the site's visitors' requests.
   */
  record Entry(String origin, int port, Map<String, String> headers) {}

  /** What came back for an address: the links of an HTML page or a sitemap are followed. */
  record Visited(int status, String contentType, byte[] body) {}

  /** Fetches one address (path and query) and tells what came back. */
  @FunctionalInterface
  interface Visitor {
    Visited visit(String address) throws IOException;
  }

  /**
   * How the site is asked for; refuses with an {@link IllegalStateException} before this node's web
   * server has started, and with {@link java.util.NoSuchElementException} for an unknown site.
   */
  Entry entry(long siteId);

  /**
   * Visits the site's addresses that {@code include} accepts, starting from the home page,
   * robots.txt, the sitemap and {@code seeds}, at most {@code limit} of them. An address {@code
   * visit} fails on is skipped; it is the visitor's to count. Returns how many were visited.
   */
  int walk(long siteId, List<String> seeds, int limit, Predicate<String> include, Visitor visit);
}
