package org.gongkai.search.internal;

import org.gongkai.search.SynonymsChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Synonym groups are edited on one node, which searches with the new ones as soon as the edit
 * commits ({@link SynonymsChanged}); every other node notices within a few seconds. Groups are only
 * added or removed, so their count and the sum of their numbers change with every edit.
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

  /** Right after the commit, in the editing request, so that the admin's next search uses it. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(SynonymsChanged event) {
    search.reloadSynonyms();
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
