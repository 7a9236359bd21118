package org.gongkai.audit;

/**
 * The audit chain's newest sealed link: how many records are sealed and the last one's keyed hash.
 * Written into each backup and the daily log, kept where the database's administrators cannot
 * rewrite it, it shows later whether the trail was cut back ({@code /console/audit} checks it).
 */
public record AuditChainHead(long sealed, String hash) {

  @Override
  public String toString() {
    return sealed + ":" + hash;
  }
}
