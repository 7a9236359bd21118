package org.gongkai.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Making an edition the live one: the document gets its index number on first publication, the
 * previous live edition is superseded, and {@link DocumentPublished} goes out with the commit.
 * Scheduled editions are published here once their time has come.
 */
@Component
class Publication {

  private final EditionRepository editions;
  private final IndexNumbers indexNumbers;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Publication(
      EditionRepository editions,
      IndexNumbers indexNumbers,
      AgencyDirectory agencies,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.editions = editions;
    this.indexNumbers = indexNumbers;
    this.agencies = agencies;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Publishes in the caller's transaction, the document already locked. */
  void publishNow(EditionRepository.DocumentRow doc, Edition edition, String actor, Instant now) {
    WorkflowStep.PUBLISH.requireFrom(edition.state());
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    String indexNumber = doc.indexNumber();
    if (indexNumber == null) {
      indexNumber = indexNumbers.allocate(agencies.get(doc.agencyId()).code(), today);
      editions.setIndexNumber(doc.id(), indexNumber, today);
    }
    Optional<Edition> previous = editions.liveEdition(doc.id());
    previous.ifPresent(
        p -> {
          editions.transition(p.id(), EditionState.PUBLISHED, EditionState.SUPERSEDED, actor, now);
          editions.recordSuperseded(p.id(), now);
        });
    if (!editions.transition(edition.id(), edition.state(), EditionState.PUBLISHED, actor, now)) {
      throw Refusal.conflict("document.stale");
    }
    editions.recordPublication(edition.id(), now);
    audit.record(
        actor,
        "document.publish",
        "document",
        doc.id(),
        indexNumber + " edition " + edition.editionNumber());
    events.publishEvent(
        new DocumentPublished(
            doc.id(),
            edition.id(),
            doc.agencyId(),
            edition.columnId(),
            indexNumber,
            previous.isPresent() || edition.editionNumber() > 1,
            now));
  }

  /**
   * Publishes every scheduled edition whose time has come, each in its own transaction; the lock
   * and the re-check make two nodes running this at once publish each edition once.
   */
  int publishDue() {
    int published = 0;
    for (Long documentId : editions.dueScheduled(Instant.now(clock))) {
      Boolean done =
          transactions.execute(
              tx -> {
                EditionRepository.DocumentRow doc = editions.lockDocument(documentId).orElse(null);
                Edition working =
                    doc == null ? null : editions.workingEdition(documentId).orElse(null);
                Instant now = Instant.now(clock);
                if (working == null
                    || working.state() != EditionState.SCHEDULED
                    || working.scheduledFor().isAfter(now)) {
                  return false;
                }
                publishNow(doc, working, "system", now);
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        published++;
      }
    }
    return published;
  }
}
