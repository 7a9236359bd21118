package org.gongkai.portal.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * How the static export fetches a site's addresses from this node, as that site's visitors get
 * them, and writes each into the site's tree; which links it follows from there.
 */
final class StaticCrawl {

  /**
   * One site's tree: where it is written and the host its pages are asked for (null: the first).
   */
  record Tree(StaticSiteFiles files, String host) {}

  /** What a crawl did. */
  static final class Counts {
    int written;
    int unchanged;
    int removed;
    int failed;

    StaticExport.Status progress(StaticExport.Status s) {
      return new StaticExport.Status(
          s.folder(), true, s.startedAt(), null, written, unchanged, removed, failed);
    }

    StaticExport.Status finish(StaticExport.Status s, Clock clock) {
      return new StaticExport.Status(
          s.folder(),
          false,
          s.startedAt(),
          Instant.now(clock),
          written,
          unchanged,
          removed,
          failed);
    }
  }

  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^\"#]*)\"");
  private static final Pattern LOCATION =
      Pattern.compile("<loc>\\s*https?://[^/<]+(/[^<]*?)\\s*</loc>");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * Follows the site's links from {@code seeds}, up to {@code limit} addresses, telling {@code
   * progress} after each.
   */
  void crawl(
      int port,
      Tree tree,
      List<String> seeds,
      int limit,
      Counts counts,
      Consumer<Counts> progress) {
    walk(
        seeds,
        limit,
        link -> true,
        address -> {
          List<String> links = export(port, tree, address, counts);
          progress.accept(counts);
          return links;
        });
  }

  /**
   * Follows links from {@code seeds} breadth first, each address once, up to {@code limit} of them:
   * {@code visit} fetches an address and returns the links in it; only those {@link #followed} and
   * accepted by {@code include} are visited. Returns how many addresses were visited.
   */
  static int walk(
      Collection<String> seeds,
      int limit,
      Predicate<String> include,
      Function<String, List<String>> visit) {
    Deque<String> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (String seed : seeds) {
      if (include.test(seed) && seen.add(seed)) {
        queue.add(seed);
      }
    }
    int visited = 0;
    while (!queue.isEmpty() && seen.size() <= limit) {
      visited++;
      for (String link : visit.apply(queue.poll())) {
        if (followed(link) && include.test(link) && seen.add(link)) {
          queue.add(link);
        }
      }
    }
    return visited;
  }

  /**
   * The site's own addresses an HTML page or an XML sitemap links to; none in anything else. A
   * private address (the console, forms' answers) is never one.
   */
  static List<String> linksIn(String contentType, byte[] body) {
    boolean page = contentType != null && contentType.startsWith("text/html");
    if (!page && (contentType == null || !contentType.contains("xml"))) {
      return List.of();
    }
    return links(new String(body, StandardCharsets.UTF_8), page).stream()
        .filter(link -> CachePolicy.of(pathOf(link)) != CachePolicy.PRIVATE)
        .toList();
  }

  private static String pathOf(String address) {
    int q = address.indexOf('?');
    return q < 0 ? address : address.substring(0, q);
  }

  /** Fetches one address and writes it; returns the site's addresses it links to. */
  List<String> export(int port, Tree tree, String address, Counts counts) {
    StaticSiteFiles files = tree.files();
    int q = address.indexOf('?');
    String path = q < 0 ? address : address.substring(0, q);
    String query = q < 0 ? null : address.substring(q + 1);
    CachePolicy policy = CachePolicy.of(path);
    if (policy == CachePolicy.PRIVATE) {
      return List.of();
    }
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + address))
              .timeout(Duration.ofMinutes(2));
      if (tree.host() != null) {
        request
            .header("X-Forwarded-Host", tree.host())
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Port", "443");
      }
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("");
      boolean page = type.startsWith("text/html");
      if (response.statusCode() == 404 || response.statusCode() == 410) {
        if (page || path.startsWith("/documents/")) {
          files.removePage(path);
          counts.removed++;
        }
        return List.of();
      }
      if (response.statusCode() != 200) {
        counts.failed++;
        return List.of();
      }
      // A versioned address (the site's logo, /site-logo?v=<sha256>) is one file at its path: the
      // pages written with it name its current version.
      var file = files.fileFor(path, !page && versioned(query) ? null : query, page);
      if (file.isEmpty()) {
        return List.of();
      }
      if (files.write(file.get(), response.body())) {
        counts.written++;
      } else {
        counts.unchanged++;
      }
      return page || type.contains("xml")
          ? links(new String(response.body(), StandardCharsets.UTF_8), page)
          : List.of();
    } catch (IOException e) {
      counts.failed++;
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lists are exported with one filter at a time (a column, a year or a validity, each with its
   * pages): every combination of filters would multiply the site many times over for pages hardly
   * anyone opens on a mirror.
   */
  static boolean followed(String link) {
    int q = link.indexOf('?');
    if (q < 0) {
      return true;
    }
    int filters = 0;
    for (String parameter : link.substring(q + 1).split("&")) {
      if (!parameter.startsWith("page=") && !parameter.isEmpty()) {
        filters++;
      }
    }
    return filters <= 1;
  }

  private static boolean versioned(String query) {
    return query != null && query.matches("v=[0-9a-fA-F]+");
  }

  private static List<String> links(String body, boolean page) {
    List<String> links = new ArrayList<>();
    Matcher m = (page ? LINK : LOCATION).matcher(body);
    while (m.find()) {
      links.add(HtmlUtils.htmlUnescape(m.group(1)));
    }
    return links;
  }
}
