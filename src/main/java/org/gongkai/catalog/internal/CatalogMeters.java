package org.gongkai.catalog.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts publications, revisions included, and withdrawals once they are committed. A plain
 * listener with a commit callback: a transactional listener would be recorded in the event
 * publication registry for nothing more than a counter.
 */
@Component
class CatalogMeters {

  private final MeterRegistry registry;

  CatalogMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @EventListener
  void published(DocumentPublished event) {
    afterCommit(
        Counter.builder("gongkai.documents.published")
            .description("documents and revisions published")
            .tag("revision", String.valueOf(event.revision()))
            .register(registry));
  }

  @EventListener
  void withdrawn(DocumentWithdrawn event) {
    afterCommit(
        Counter.builder("gongkai.documents.withdrawn")
            .description("documents withdrawn")
            .register(registry));
  }

  private static void afterCommit(Counter counter) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      counter.increment();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            counter.increment();
          }
        });
  }
}
