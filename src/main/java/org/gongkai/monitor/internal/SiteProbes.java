package org.gongkai.monitor.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inspection index's site check (站点无法访问), per site as its visitors reach it: every hour each
 * site's home page, and on every site each agency it shows has its catalog page and its mailbox
 * form (the consultation channel, 互动回应差) visited, each visit failing after 15 seconds; the share of
 * failed visits over the last week decides the vetoes of that site's runs. Each visit names the
 * site's canonical host: by default it goes to this node through loopback with {@code
 * X-Forwarded-Host} (this machine is a trusted proxy), as the run's page check and the static
 * export do; {@code gongkai.monitor.probe-base-url} sends it to a public address instead, {@code
 * {host}} in it standing for the site's host.
 */
@Component
class SiteProbes {

  /** The pages visited: a site's home page, and each agency's on every site showing it. */
  enum Page {
    HOME,
    CATALOG,
    MAILBOX
  }

  static final int WINDOW_DAYS = 7;

  /** Too few visits decide nothing: a platform started yesterday is not unreachable. */
  static final int MINIMUM_VISITS = 20;

  static final String HOST = "{host}";

  /** Named so that the public site's visit counting leaves the monitor's requests out. */
  static final String USER_AGENT = "Gongkai-Monitor/1";

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final AgencyDirectory agencies;
  private final Sites sites;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Environment environment;
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  SiteProbes(
      AgencyDirectory agencies,
      Sites sites,
      JdbcClient jdbc,
      Clock clock,
      MonitorProperties settings,
      Environment environment) {
    this.baseUrl = settings.probeBaseUrl();
    this.agencies = agencies;
    this.sites = sites;
    this.jdbc = jdbc;
    this.clock = clock;
    this.environment = environment;
  }

  /** Every hour by default: 24 visits a day, above the index's 20. */
  @ClusterJob(cron = "${gongkai.monitor.probe-cron:" + MonitorProperties.PROBE_CRON + "}")
  void probeAll() {
    List<Agency> all = agencies.all();
    for (Site site : sites.all()) {
      probe(site, null, Page.HOME, "/");
      for (Agency agency : all) {
        if (sites.shows(site, agency.id())) {
          probe(site, agency, Page.CATALOG, "/agencies/" + agency.code());
          probe(site, agency, Page.MAILBOX, "/mailbox?agency=" + agency.code());
        }
      }
    }
  }

  /** Visits a page of the site ({@code agency} null for the site's home page) and records it. */
  void probe(Site site, Agency agency, Page page, String path) {
    long start = System.nanoTime();
    boolean ok;
    try {
      HttpResponse<Void> response =
          http.send(request(site, path), HttpResponse.BodyHandlers.discarding());
      ok = response.statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    record(
        site.id(),
        agency == null ? null : agency.id(),
        page,
        ok,
        (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * The visit as the site's visitors make it: to the configured address, its {@code {host}} the
   * site's; else to this node's port naming the site's host as a proxy would.
   */
  private HttpRequest request(Site site, String path) {
    String host = site.canonicalHost();
    if (!baseUrl.isEmpty() && baseUrl.contains(HOST)) {
      return HttpRequest.newBuilder(URI.create(baseUrl.replace(HOST, host) + path))
          .timeout(TIMEOUT)
          .header("User-Agent", USER_AGENT)
          .GET()
          .build();
    }
    String base =
        baseUrl.isEmpty()
            // The port is known only once the server has started (local.server.port).
            ? "http://127.0.0.1:"
                + environment.getProperty(
                    "local.server.port", environment.getProperty("server.port", "8080"))
            : baseUrl;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("User-Agent", USER_AGENT)
            .GET();
    if (!host.isEmpty()) {
      request
          .header("X-Forwarded-Host", host)
          .header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-Port", "443");
    }
    return request.build();
  }

  void record(long siteId, Long agencyId, Page page, boolean ok, int millis) {
    Instant now = Instant.now(clock);
    jdbc.sql(
            "INSERT INTO monitor_probe (site_id, agency_id, page, probed_at, probed_on, ok, millis)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            siteId, agencyId, page.name(), Timestamps.toDb(now), LocalDate.now(clock), ok, millis)
        .update();
  }

  /**
   * The share of failed visits to the site's page over the week up to {@code today} ({@code
   * agencyId} null for the site's home page); empty with fewer visits than a day's worth.
   */
  Optional<Double> failureShare(long siteId, Long agencyId, Page page, LocalDate today) {
    List<Object> params = new ArrayList<>(List.of(siteId, page.name()));
    if (agencyId != null) {
      params.add(agencyId);
    }
    params.add(today.minusDays(WINDOW_DAYS));
    params.add(today);
    return jdbc.sql(
            "SELECT COUNT(*), SUM(CASE WHEN ok THEN 0 ELSE 1 END) FROM monitor_probe WHERE site_id = ?"
                + " AND page = ? AND "
                + (agencyId == null ? "agency_id IS NULL" : "agency_id = ?")
                + " AND probed_on > ? AND probed_on <= ?")
        .params(params)
        .query(
            (rs, i) ->
                rs.getLong(1) < MINIMUM_VISITS
                    ? Optional.<Double>empty()
                    : Optional.of(rs.getLong(2) / (double) rs.getLong(1)))
        .single();
  }
}
