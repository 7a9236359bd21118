package org.gongkai.search.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Synonym groups are edited on one node; every node notices within a few seconds and searches with
 * the new ones. Groups are only added or removed, so their count and the sum of their numbers
 * change with every edit.
 */
@Component
class SynonymFollower {

  private final JdbcClient jdbc;
  private final SearchService search;
  private volatile String seen;

  SynonymFollower(JdbcClient jdbc, SearchService search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  @Scheduled(
      fixedDelayString = "${gongkai.search.synonyms-check:" + SearchProperties.SYNONYMS_CHECK + "}")
  void follow() {
    String now =
        jdbc.sql("SELECT COUNT(*), COALESCE(SUM(id), 0) FROM search_synonym")
            .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2))
            .single();
    String before = seen;
    seen = now;
    if (before != null && !before.equals(now)) {
      search.reloadSynonyms();
    }
  }
}
