package org.gongkai.monitor.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.site.Site;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The page check of a run, on one site as its visitors get it: the site's home page is fetched from
 * this node through loopback, naming the site's canonical host (X-Forwarded-Host over https, as the
 * static export does), and the site's own pages it links (its navigation, blocks and footer) are
 * fetched the same way. A home page that does not answer 200 and each linked page that answers 404
 * or a server error are findings of that site only. Skipped while this node serves no HTTP port
 * (known once the server has started).
 */
@Component
class SitePages {

  /** At most this many linked pages are fetched per site and run. */
  static final int MAXIMUM_LINKS = 40;

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Pattern LINK = Pattern.compile("href=\"(/[^\"/][^\"#]*|/)(?:#[^\"]*)?\"");

  private final Environment environment;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  SitePages(Environment environment) {
    this.environment = environment;
  }

  /** The outcome of a site's page check: the home page's status (0: unreachable), broken links. */
  record Check(boolean performed, int homeStatus, List<Broken> broken) {

    static final Check NONE = new Check(false, 200, List.of());

    boolean homeFails() {
      return performed && homeStatus != 200;
    }
  }

  record Broken(String path, int status) {}

  Check check(Site site) {
    String port = environment.getProperty("local.server.port");
    if (port == null || site.canonicalHost().isEmpty()) {
      return Check.NONE;
    }
    String base = "http://127.0.0.1:" + port;
    Fetched home = fetch(base, "/", site);
    if (home == null) {
      return Check.NONE;
    }
    if (home.status() != 200) {
      return new Check(true, home.status(), List.of());
    }
    Set<String> paths = new LinkedHashSet<>();
    Matcher m = LINK.matcher(home.body());
    while (m.find() && paths.size() < MAXIMUM_LINKS) {
      String path = m.group(1).replace("&amp;", "&");
      if (!path.equals("/") && !path.startsWith("/console") && !path.startsWith("/api/")) {
        paths.add(path);
      }
    }
    List<Broken> broken = new ArrayList<>();
    for (String path : paths) {
      Fetched page = fetch(base, path, site);
      if (page == null) {
        return new Check(true, 200, broken);
      }
      if (page.status() == 404 || page.status() >= 500 || page.status() == 0) {
        broken.add(new Broken(path, page.status()));
      }
    }
    return new Check(true, 200, broken);
  }

  private record Fetched(int status, String body) {}

  /** Null when interrupted; status 0 when the page could not be fetched at all. */
  private Fetched fetch(String base, String path, Site site) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(TIMEOUT)
                  .header("X-Forwarded-Host", site.canonicalHost())
                  .header("X-Forwarded-Proto", "https")
                  .header("X-Forwarded-Port", "443")
                  // Not a visit: the public site's counting leaves the monitor's requests out.
                  .header("User-Agent", SiteProbes.USER_AGENT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Fetched(response.statusCode(), response.body());
    } catch (IOException | IllegalArgumentException e) {
      return new Fetched(0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
