package org.gongkai.search;

/**
 * Where the index stands. While a fresh index is first built there is nothing to answer with; while
 * an existing one catches up or is rebuilt, it keeps answering.
 */
public record IndexStatus(Phase phase, long done, long total, long documents, String lastError) {

  public enum Phase {
    READY,
    BUILDING_FRESH,
    CATCHING_UP,
    REBUILDING
  }
}
