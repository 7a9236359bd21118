package org.gongkai.imports.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Addresses as the crawl compares them: scheme and host in lower case, the default port dropped,
 * dot segments resolved, the fragment dropped. Two spellings of one page are one visit, which is
 * also what stops a crawl going round a loop of links.
 */
final class Urls {

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

  private static String encodeSpaces(String href) {
    return href.replace(" ", "%20");
  }
}
