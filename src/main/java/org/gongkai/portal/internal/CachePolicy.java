package org.gongkai.portal.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a path may be cached. Public pages are named by an allow-list, so a new route is private (not
 * stored) until it is known to be the same for every anonymous visitor.
 */
enum CachePolicy {

  /**
   * Stylesheets, scripts and vendored libraries: the same bytes for everyone until the next
   * release.
   */
  STATIC,
  /** Public pages and API answers, the same for every anonymous visitor: kept rendered. */
  PUBLIC,
  /**
   * Public, but large or streamed (document sitemaps, attachments), or following the search index
   * rather than the site's version (search feeds): cacheable downstream, not kept here.
   */
  PUBLIC_STREAMED,
  /** Everything else (console, staff API, forms' answers, personal status pages): never stored. */
  PRIVATE;

  private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/vendor/");
  private static final List<String> PUBLIC_PREFIXES =
      List.of(
          "/agencies/",
          "/documents/",
          "/consultations",
          "/mailbox/qa",
          "/interviews",
          "/powers",
          "/topics",
          "/sitemaps/pages.xml",
          "/api/v1/agencies",
          "/api/v1/documents",
          "/api/v1/powers",
          "/api/v1/consultations",
          "/api/v1/qa",
          "/api/v1/topics",
          "/api/v1/calendar/");
  private static final List<String> PUBLIC_PAGES = List.of("/", "/sitemap.xml", "/robots.txt");
  private static final Pattern FINGERPRINTED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+$");

  static CachePolicy of(String path) {
    if (path.contains("..") || path.contains("//")) {
      return PRIVATE;
    }
    if (STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
      return STATIC;
    }
    if (path.contains("/attachments/")
        || path.startsWith("/sitemaps/documents-")
        || path.equals("/site-logo")
        || path.equals("/search/feed")) {
      return path.startsWith("/api/") ? PRIVATE : PUBLIC_STREAMED;
    }
    if (PUBLIC_PAGES.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
      return path.endsWith("/comments") ? PRIVATE : PUBLIC;
    }
    return PRIVATE;
  }

  /**
   * Whether a static path carries its content hash (site-3f2a….css), so it may be kept for a year.
   */
  static boolean fingerprinted(String path) {
    return FINGERPRINTED.matcher(path).matches();
  }
}
