package org.gongkai.monitor.internal;

import java.time.Clock;
import java.time.Instant;
import org.gongkai.agency.AgencyChanged;
import org.gongkai.agency.ColumnChanged;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.interaction.MailboxMessageChanged;
import org.gongkai.shared.execution.PlatformExecutors;
import org.gongkai.shared.time.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows what the public sees of an agency (its documents, columns, record and mailbox) and notes
 * the agency for a re-check ({@link MonitorRechecks}), so that a column filled or a document
 * withdrawn shows in the day's findings within minutes instead of at the next daily run. After the
 * commit, on the events pool, and durable: being a transactional listener, each delivery is kept in
 * the event publication registry until it completes. No transaction of its own: each statement
 * commits alone, so that two nodes noting one agency at once cannot fail each other.
 */
@Component
class MonitorFollower {

  private final JdbcClient jdbc;
  private final Clock clock;

  MonitorFollower(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @TransactionalEventListener
  @Async(PlatformExecutors.EVENTS)
  void on(DocumentPublished event) {
    note(event.agencyId());
  }

  @TransactionalEventListener
  @Async(PlatformExecutors.EVENTS)
  void on(DocumentWithdrawn event) {
    note(event.agencyId());
  }

  @TransactionalEventListener
  @Async(PlatformExecutors.EVENTS)
  void on(ColumnChanged event) {
    note(event.agencyId());
  }

  @TransactionalEventListener
  @Async(PlatformExecutors.EVENTS)
  void on(AgencyChanged event) {
    note(event.agencyId());
  }

  @TransactionalEventListener
  @Async(PlatformExecutors.EVENTS)
  void on(MailboxMessageChanged event) {
    note(event.agencyId());
  }

  void note(long agencyId) {
    var now = Timestamps.toDb(Instant.now(clock));
    if (touch(agencyId, now)) {
      return;
    }
    try {
      jdbc.sql("INSERT INTO monitor_recheck (agency_id, changed_at) VALUES (?, ?)")
          .params(agencyId, now)
          .update();
    } catch (DuplicateKeyException notedAtTheSameTime) {
      touch(agencyId, now);
    }
  }

  private boolean touch(long agencyId, Object now) {
    return jdbc.sql("UPDATE monitor_recheck SET changed_at = ? WHERE agency_id = ?")
            .params(now, agencyId)
            .update()
        > 0;
  }
}
