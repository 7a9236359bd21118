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
import java.util.Optional;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inspection index's site check on the platform's own public pages: every agency's catalog page
 * (站点无法访问) and its mailbox form (the consultation channel, 互动回应差) are visited at intervals, each
 * visit failing after 15 seconds, and the share of failed visits over the last week decides the
 * vetoes. The base address is the public one the visitor uses ({@code
 * gongkai.monitor.probe-base-url}), by default the platform's own port.
 */
@Component
class SiteProbes {

  /** The pages visited for each agency. */
  enum Page {
    CATALOG,
    MAILBOX
  }

  static final int WINDOW_DAYS = 7;

  /** Too few visits decide nothing: a platform started yesterday is not unreachable. */
  static final int MINIMUM_VISITS = 20;

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final AgencyDirectory agencies;
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
      JdbcClient jdbc,
      Clock clock,
      MonitorProperties settings,
      Environment environment) {
    this.baseUrl = settings.probeBaseUrl();
    this.agencies = agencies;
    this.jdbc = jdbc;
    this.clock = clock;
    this.environment = environment;
  }

  /**
   * The configured public address, else the port this node listens on (known once it has started).
   */
  private String baseUrl() {
    if (!baseUrl.isEmpty()) {
      return baseUrl;
    }
    // The port is known only once the server has started (local.server.port), not a setting.
    return "http://localhost:"
        + environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
  }

  /** Every hour by default: 24 visits a day, above the index's 20. */
  @ClusterJob(cron = "${gongkai.monitor.probe-cron:" + MonitorProperties.PROBE_CRON + "}")
  void probeAll() {
    for (Agency agency : agencies.all()) {
      probe(agency, Page.CATALOG, "/agencies/" + agency.code());
      probe(agency, Page.MAILBOX, "/mailbox?agency=" + agency.code());
    }
  }

  void probe(Agency agency, Page page, String path) {
    long start = System.nanoTime();
    boolean ok;
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      ok = response.statusCode() == 200;
    } catch (IOException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    record(
        agency.id(),
        page,
        ok,
        (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000));
  }

  void record(long agencyId, Page page, boolean ok, int millis) {
    Instant now = Instant.now(clock);
    jdbc.sql(
            "INSERT INTO monitor_probe (agency_id, page, probed_at, probed_on, ok, millis) VALUES (?, ?, ?, ?, ?, ?)")
        .params(agencyId, page.name(), Timestamps.toDb(now), LocalDate.now(clock), ok, millis)
        .update();
  }

  /**
   * The share of failed visits over the week up to {@code today}; empty with fewer visits than a
   * day's worth.
   */
  Optional<Double> failureShare(long agencyId, Page page, LocalDate today) {
    return jdbc.sql(
            "SELECT COUNT(*), SUM(CASE WHEN ok THEN 0 ELSE 1 END) FROM monitor_probe WHERE agency_id = ?"
                + " AND page = ? AND probed_on > ? AND probed_on <= ?")
        .params(agencyId, page.name(), today.minusDays(WINDOW_DAYS), today)
        .query(
            (rs, i) ->
                rs.getLong(1) < MINIMUM_VISITS
                    ? Optional.<Double>empty()
                    : Optional.of(rs.getLong(2) / (double) rs.getLong(1)))
        .single();
  }
}
