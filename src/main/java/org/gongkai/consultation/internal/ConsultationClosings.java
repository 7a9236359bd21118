package org.gongkai.consultation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.audit.AuditTrail;
import org.gongkai.consultation.ConsultationClosed;
import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consultation closes by its date alone (the day after {@code closesOn}); this job notices it
 * every hour and publishes {@link ConsultationClosed} once for each, with an audit record, so that
 * cached pages no longer offer the comment form. Each closing locks its row and re-checks it, so
 * two nodes running this at once announce each consultation once.
 */
@Component
class ConsultationClosings {

  private static final Logger log = LoggerFactory.getLogger(ConsultationClosings.class);

  private final ConsultationRepository repository;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ConsultationClosings(
      ConsultationRepository repository,
      ApplicationEventPublisher events,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.repository = repository;
    this.events = events;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Returns how many consultations closed since the last run. */
  @ClusterJob(cron = "5 0 * * * *")
  int closeDue() {
    LocalDate today = LocalDate.now(clock);
    List<Long> due = repository.closedUnannounced(today);
    int closed = 0;
    for (long id : due) {
      Boolean done =
          transactions.execute(
              tx -> {
                ConsultationRow r = repository.lock(id).orElse(null);
                if (r == null || !repository.markClosed(id, today, Instant.now(clock))) {
                  return false;
                }
                events.publishEvent(new ConsultationClosed(id, r.agencyId(), r.closesOn()));
                audit.record("system", "consultation.closed", "consultation", id, null);
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        closed++;
      }
    }
    if (closed > 0) {
      log.info("{} consultation(s) closed", closed);
    }
    return closed;
  }
}
