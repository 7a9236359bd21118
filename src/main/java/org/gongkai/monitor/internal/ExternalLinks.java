package org.gongkai.monitor.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The external links of published documents, visited in the background: each run takes the links
 * never visited or visited longest ago, up to {@code gongkai.monitor.external-links-per-run}, one
 * at a time with a pause between, and stores what it found. The monitor's findings read the stored
 * results, so a visitor's or an editor's page never waits on somebody else's website. Off unless
 * {@code gongkai.monitor.external-links} is set, so that a platform without internet access stays
 * quiet.
 */
@Component
class ExternalLinks {

  private static final Logger log = LoggerFactory.getLogger(ExternalLinks.class);
  private static final Pattern LINK =
      Pattern.compile("href=\"(https?://[^\"]+)\"", Pattern.CASE_INSENSITIVE);

  private final AgencyDirectory agencies;
  private final CatalogInspection catalog;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final boolean enabled;
  private final int perRun;
  private final Duration pause;
  private final Duration recheckAfter;
  private final PublicAddresses addresses;
  private final Duration timeout;

  ExternalLinks(
      AgencyDirectory agencies,
      CatalogInspection catalog,
      JdbcClient jdbc,
      Clock clock,
      MonitorProperties settings) {
    this.agencies = agencies;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
    this.enabled = settings.externalLinks();
    this.perRun = settings.externalLinksPerRun();
    this.pause = settings.externalLinksPause();
    this.recheckAfter = settings.externalLinksRecheck();
    this.timeout = settings.externalLinksTimeout();
    this.addresses = new PublicAddresses(settings.externalLinksAllowedNetworks());
  }

  boolean enabled() {
    return enabled;
  }

  /** The web links in a document's body, decoded as a browser reads them. */
  static Set<String> linksIn(String bodyHtml) {
    Set<String> links = new LinkedHashSet<>();
    Matcher m = LINK.matcher(bodyHtml);
    while (m.find()) {
      String url = HtmlUtils.htmlUnescape(m.group(1)).trim();
      if (url.length() <= ExternalLinkChecker.MAX_URL_LENGTH) {
        links.add(url);
      }
    }
    return links;
  }

  /** The stored result for a link, if it has been visited. */
  Optional<LinkCheck> lastCheck(String url) {
    return jdbc.sql("SELECT outcome, status FROM monitor_link_check WHERE url_hash = ?")
        .param(hash(url))
        .query(
            (rs, i) ->
                new LinkCheck(
                    url, LinkCheck.Outcome.valueOf(rs.getString("outcome")), rs.getInt("status")))
        .optional();
  }

  @ClusterJob(
      fixedDelay =
          "${gongkai.monitor.external-links-interval:"
              + MonitorProperties.EXTERNAL_LINKS_INTERVAL
              + "}")
  void scheduledRun() {
    if (enabled) {
      int visited = run();
      log.info("external link check: {} links visited", visited);
    }
  }

  /** Visits the links most in need of it; returns how many it visited. */
  int run() {
    Map<String, Instant> due = new HashMap<>();
    Instant now = Instant.now(clock);
    for (Agency agency : agencies.all()) {
      catalog.forEachLiveDocument(
          agency.id(), d -> linksIn(d.bodyHtml()).forEach(url -> due.putIfAbsent(url, null)));
    }
    jdbc.sql("SELECT url, checked_at FROM monitor_link_check")
        .query(
            rs -> {
              String url = rs.getString("url");
              if (due.containsKey(url)) {
                due.put(url, Timestamps.fromDb(rs.getObject("checked_at", OffsetDateTime.class)));
              }
            });
    List<String> next =
        due.entrySet().stream()
            .filter(e -> e.getValue() == null || e.getValue().plus(recheckAfter).isBefore(now))
            .sorted(Map.Entry.comparingByValue(Comparator.nullsFirst(Comparator.naturalOrder())))
            .limit(perRun)
            .map(Map.Entry::getKey)
            .toList();
    try (ExternalLinkChecker checker = new ExternalLinkChecker(addresses, timeout)) {
      for (int i = 0; i < next.size(); i++) {
        if (i > 0) {
          pause();
        }
        store(checker.check(next.get(i)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return next.size();
  }

  private void store(LinkCheck check) {
    String key = hash(check.url());
    OffsetDateTime at = Timestamps.toDb(Instant.now(clock));
    int updated =
        jdbc.sql(
                "UPDATE monitor_link_check SET checked_at = ?, outcome = ?, status = ? WHERE url_hash = ?")
            .params(at, check.outcome().name(), check.status(), key)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO monitor_link_check (url_hash, url, checked_at, outcome, status) VALUES (?, ?, ?, ?, ?)")
          .params(key, check.url(), at, check.outcome().name(), check.status())
          .update();
    }
  }

  private void pause() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hash(String url) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
