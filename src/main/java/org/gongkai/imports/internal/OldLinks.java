package org.gongkai.imports.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gongkai.shared.web.MovedAddresses;
import org.springframework.stereotype.Component;

/**
 * Old links kept: the old site's host now points here (a site finds itself by host, ADR 0012), and
 * an address of the old site that an imported document came from answers 301 with the document's
 * new page. Asked only for addresses nothing else answers; an address on an imported host that no
 * document came from is counted, for the report of old links without a home.
 */
@Component
class OldLinks implements MovedAddresses {

  private static final Duration HOSTS_KEPT = Duration.ofMinutes(1);
  private static final int MAX_PATH = 2000;

  private final OldLinkRepository links;
  private final Clock clock;
  private volatile Set<String> hosts;
  private volatile long hostsRead;

  OldLinks(OldLinkRepository links, Clock clock) {
    this.links = links;
    this.clock = clock;
  }

  @Override
  public Optional<String> movedTo(HttpServletRequest request) {
    String host = request.getServerName().toLowerCase(Locale.ROOT);
    if (!importedHosts().contains(host)) {
      return Optional.empty();
    }
    String key = Urls.linkKey(host, request.getRequestURI(), request.getQueryString());
    Optional<Long> document = links.documentAt(key);
    if (document.isEmpty()) {
      String path = key.substring(host.length());
      if (path.length() <= MAX_PATH) {
        links.missed(host, path, clock.instant());
      }
      return Optional.empty();
    }
    return Optional.of(request.getContextPath() + "/documents/" + document.get());
  }

  /** The hosts imported from, read again every minute: a 404 must stay cheap. */
  private Set<String> importedHosts() {
    long now = System.nanoTime();
    Set<String> known = hosts;
    if (known == null || now - hostsRead > HOSTS_KEPT.toNanos()) {
      known = Set.copyOf(links.importedHosts());
      hosts = known;
      hostsRead = now;
    }
    return known;
  }

  /** Forgets the hosts read, so that an import just finished is answered at once. */
  void refresh() {
    hosts = null;
  }
}
