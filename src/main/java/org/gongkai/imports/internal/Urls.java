package org.gongkai.imports.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses as the crawl compares them: scheme and host in lower case, the default port dropped,
 * dot segments resolved, the fragment dropped. Two spellings of one page are one visit, which is
 * also what stops a crawl going round a loop of links.
 */
final class Urls {

  private static final Pattern PAGE_NUMBER = Pattern.compile("[_-]?\\d+");

  private Urls() {}

  /** The address resolved against the page it was found on, if it is an http(s) address. */
  static Optional<URI> resolve(URI base, String href) {
    if (href == null || href.isBlank()) {
      return Optional.empty();
    }
    try {
      URI resolved = base.resolve(new URI(encodeSpaces(href.strip())));
      return normalise(resolved);
    } catch (IllegalArgumentException | URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The address in its one spelling, if it is an absolute http(s) address with a host. */
  static Optional<URI> normalise(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    try {
      URI clean =
          new URI(
                  scheme
                      + "://"
                      + uri.getHost().toLowerCase(Locale.ROOT)
                      + (port < 0 ? "" : ":" + port)
                      + path
                      + (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()
                          ? ""
                          : "?" + uri.getRawQuery()))
              .normalize();
      return Optional.of(clean);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static Optional<URI> parse(String url) {
    try {
      return normalise(new URI(encodeSpaces(url.strip())));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The key of a visit: the normalised address. */
  static String key(URI uri) {
    return uri.toString();
  }

  /**
   * The key an old address is found by when asked for on this platform: host, path and query,
   * whatever the scheme and port (the old host now points here, perhaps with https).
   */
  static String linkKey(String host, String rawPath, String rawQuery) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    return host.toLowerCase(Locale.ROOT)
        + path
        + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  static String linkKey(URI uri) {
    return linkKey(uri.getHost(), uri.getRawPath(), uri.getRawQuery());
  }

  /**
   * Whether {@code next} is another page of the same list as {@code page}: the same host and
   * folder, and a name and query that differ only in their numbers ({@code index.html}, {@code
   * index_1.html}; {@code list.jsp?page=2}, {@code list.jsp?page=3}). An old site's column can run
   * to hundreds of pages chained by their next links, and a crawl must not count each one a step
   * further from where it started.
   */
  static boolean samePagedList(URI page, URI next) {
    if (!page.getHost().equalsIgnoreCase(next.getHost()) || page.getPort() != next.getPort()) {
      return false;
    }
    String pagePath = page.getRawPath() == null ? "/" : page.getRawPath();
    String nextPath = next.getRawPath() == null ? "/" : next.getRawPath();
    int pageSlash = pagePath.lastIndexOf('/');
    int nextSlash = nextPath.lastIndexOf('/');
    if (!pagePath.substring(0, pageSlash + 1).equals(nextPath.substring(0, nextSlash + 1))) {
      return false;
    }
    String pageName = pagePath.substring(pageSlash + 1);
    String nextName = nextPath.substring(nextSlash + 1);
    return withoutNumbers(pageName).equals(withoutNumbers(nextName))
        && withoutNumbers(Objects.toString(page.getRawQuery(), ""))
            .equals(withoutNumbers(Objects.toString(next.getRawQuery(), "")));
  }

  /**
   * A name with its numbers and the separators before them taken out: {@code index_2.html} and
   * {@code index.html} both become {@code index.html}.
   */
  private static String withoutNumbers(String name) {
    String stripped = PAGE_NUMBER.matcher(name).replaceAll("");
    return stripped.isEmpty() ? "index.html" : stripped;
  }

  private static String encodeSpaces(String href) {
    return href.replace(" ", "%20");
  }
}
