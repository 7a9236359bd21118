package org.gongkai.site.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.shared.site.PublicSiteVersion;
import org.springframework.stereotype.Component;

/**
 * The documents each site accepted into its columns, for the public pages: read into a map (site to
 * column to documents) kept until the public site's version moves (an acceptance, a retraction, a
 * removal and a withdrawal all move it), so that a page asks no query; read afresh inside a writing
 * transaction, which must see its own changes.
 */
@Component
class AcceptedOffers {

  private final OfferRepository repository;
  private final PublicSiteVersion version;
  private volatile Snapshot snapshot;

  /** The accepted documents as of one public-site version: site to column to documents. */
  private record Snapshot(long version, Map<Long, Map<Long, Set<Long>>> bySite) {}

  AcceptedOffers(OfferRepository repository, PublicSiteVersion version) {
    this.repository = repository;
    this.version = version;
  }

  Set<Long> in(long siteId, Collection<Long> columnIds) {
    Map<Long, Set<Long>> byColumn = snapshot().bySite().getOrDefault(siteId, Map.of());
    Set<Long> documents = new HashSet<>();
    for (Long columnId : columnIds) {
      documents.addAll(byColumn.getOrDefault(columnId, Set.of()));
    }
    return documents;
  }

  Set<Long> on(long siteId) {
    Set<Long> documents = new HashSet<>();
    snapshot().bySite().getOrDefault(siteId, Map.of()).values().forEach(documents::addAll);
    return documents;
  }

  /** The column (the lowest id, should there be two) the site accepted the document into. */
  Optional<Long> column(long siteId, long documentId) {
    return snapshot().bySite().getOrDefault(siteId, Map.of()).entrySet().stream()
        .filter(e -> e.getValue().contains(documentId))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst();
  }

  private Snapshot snapshot() {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return read(-1);
    }
    long current = version.current();
    Snapshot kept = snapshot;
    if (kept == null || kept.version() != current) {
      kept = read(current);
      snapshot = kept;
    }
    return kept;
  }

  private Snapshot read(long at) {
    Map<Long, Map<Long, Set<Long>>> bySite = new HashMap<>();
    repository.forEachAccepted(
        o ->
            bySite
                .computeIfAbsent(o.siteId(), k -> new HashMap<>())
                .computeIfAbsent(o.columnId(), k -> new HashSet<>())
                .add(o.documentId()));
    return new Snapshot(at, bySite);
  }
}
