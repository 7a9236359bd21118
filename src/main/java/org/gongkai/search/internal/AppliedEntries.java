package org.gongkai.search.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which entries of the index log this node has applied to its index, so that each is applied once
 * here. The entries a node wrote itself are applied by its indexer right after the commit; the
 * follower then skips them, unless that indexing started before they committed (it read the
 * document too early) or failed.
 */
final class AppliedEntries {

  private final Set<Long> applied;

  /** Entries written and committed here whose document this node's indexer has not read since. */
  private final Map<Long, Set<Long>> committedHere = new HashMap<>();

  AppliedEntries(int remembered) {
    this.applied =
        Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > remembered;
              }
            });
  }

  synchronized void committedHere(long entryId, long documentId) {
    if (!applied.contains(entryId)) {
      committedHere.computeIfAbsent(documentId, d -> new HashSet<>()).add(entryId);
    }
  }

  /** The document's entries committed here so far: an indexing that starts now reads them all. */
  synchronized Set<Long> committedHereFor(long documentId) {
    return Set.copyOf(committedHere.getOrDefault(documentId, Set.of()));
  }

  /** The indexer read the document after these entries committed and wrote it to the index. */
  synchronized void indexedHere(long documentId, Set<Long> entries) {
    applied.addAll(entries);
    forget(documentId, entries);
  }

  /** True when the entry is still to be applied; it counts as applied from now on. */
  synchronized boolean claim(long entryId, long documentId) {
    forget(documentId, Set.of(entryId));
    return applied.add(entryId);
  }

  /** Applying the claimed entry failed: it is to be applied again. */
  synchronized void release(long entryId) {
    applied.remove(entryId);
  }

  private void forget(long documentId, Set<Long> entries) {
    Set<Long> pending = committedHere.get(documentId);
    if (pending != null) {
      pending.removeAll(entries);
      if (pending.isEmpty()) {
        committedHere.remove(documentId);
      }
    }
  }
}
