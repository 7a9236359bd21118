package org.gongkai.site;

import java.time.Instant;
import java.util.List;

/**
 * A website on the platform. {@code hosts} in order, the first being the canonical one that links
 * name; {@code agencyIds} the agencies whose catalogs it shows, each with its subtree (none: every
 * agency). {@code fallback}: the site that answers a host no site names. {@code closedAt}: when the
 * site was closed (its pages archived first), after which its public pages answer 410; null while
 * it is open.
 */
public record Site(
    long id,
    String name,
    List<String> hosts,
    String idCode,
    SiteType type,
    String icpFiling,
    String securityFiling,
    String organizer,
    String operator,
    String contact,
    List<String> languages,
    List<Long> agencyIds,
    boolean fallback,
    Instant closedAt) {

  public Site {
    hosts = List.copyOf(hosts);
    languages = List.copyOf(languages);
    agencyIds = List.copyOf(agencyIds);
  }

  public boolean closed() {
    return closedAt != null;
  }

  /** The host name links and canonical addresses use. */
  public String canonicalHost() {
    return hosts.isEmpty() ? "" : hosts.get(0);
  }
}
