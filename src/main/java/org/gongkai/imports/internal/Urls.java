package org.gongkai.imports.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
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
   * folder, and a name and query that differ in one number at most, the page's ({@code index.html},
   * {@code index_1.html}; {@code list.jsp?col=7&page=2}, {@code list.jsp?col=7&page=3}, but not
   * {@code list.jsp?col=8&page=3}). An old site's column can run to hundreds of pages chained by
   * their next links, and a crawl must not count each one a step further from where it started.
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
    Numbered from = Numbered.of(pagePath.substring(pageSlash + 1), page.getRawQuery());
    Numbered to = Numbered.of(nextPath.substring(nextSlash + 1), next.getRawQuery());
    if (!from.rest().equals(to.rest())) {
      return false;
    }
    if (from.numbers().size() != to.numbers().size()) {
      // the first page often has no number at all: index.html, then index_1.html
      return from.numbers().size() + to.numbers().size() == 1;
    }
    int differing = 0;
    for (int i = 0; i < from.numbers().size(); i++) {
      if (!from.numbers().get(i).equals(to.numbers().get(i))) {
        differing++;
      }
    }
    return differing <= 1;
  }

  /** A page's name and query with their numbers (and the separators before them) taken out. */
  private record Numbered(String rest, List<String> numbers) {

    static Numbered of(String name, String query) {
      String text = (name.isEmpty() ? "index.html" : name) + "?" + Objects.toString(query, "");
      Matcher m = PAGE_NUMBER.matcher(text);
      List<String> numbers = new ArrayList<>();
      StringBuilder rest = new StringBuilder();
      while (m.find()) {
        numbers.add(m.group().replaceFirst("^[_-]", ""));
        m.appendReplacement(rest, "");
      }
      m.appendTail(rest);
      return new Numbered(rest.toString(), numbers);
    }
  }

  private static String encodeSpaces(String href) {
    return href.replace(" ", "%20");
  }
}
