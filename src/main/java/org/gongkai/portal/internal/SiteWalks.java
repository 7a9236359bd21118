package org.gongkai.portal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.gongkai.portal.PublicSiteWalk;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The static export's walk over a site, offered to other modules: the same seeds, the same links
 * followed, the same requests as one of the site's visitors, each address fetched by the caller.
 */
@Component
class SiteWalks implements PublicSiteWalk {

  private static final Logger log = LoggerFactory.getLogger(SiteWalks.class);

  private final Sites sites;
  private volatile int port;

  SiteWalks(Sites sites) {
    this.sites = sites;
  }

  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  @Override
  public Entry entry(long siteId) {
    Site site =
        sites.find(siteId).orElseThrow(() -> new NoSuchElementException("no site " + siteId));
    if (port == 0) {
      throw new IllegalStateException("the web server has not started");
    }
    String host = site.canonicalHost();
    if (host.isEmpty()) {
      return new Entry("http://127.0.0.1:" + port, port, Map.of());
    }
    return new Entry(
        "https://" + host,
        port,
        Map.of("X-Forwarded-Host", host, "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443"));
  }

  @Override
  public int walk(
      long siteId, List<String> seeds, int limit, Predicate<String> include, Visitor visitor) {
    entry(siteId);
    List<String> start = new ArrayList<>(List.of("/", "/robots.txt", "/sitemap.xml"));
    start.addAll(seeds);
    return StaticCrawl.walk(
        start,
        limit,
        include,
        address -> {
          try {
            Visited visited = visitor.visit(address);
            return visited == null || visited.status() != 200
                ? List.of()
                : StaticCrawl.linksIn(visited.contentType(), visited.body());
          } catch (IOException e) {
            log.debug("{} of site {} was not fetched", address, siteId, e);
            return List.of();
          }
        });
  }
}
