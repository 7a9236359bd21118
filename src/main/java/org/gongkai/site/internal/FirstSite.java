package org.gongkai.site.internal;

import java.time.Clock;
import java.time.Instant;
import org.gongkai.shared.site.SiteProperties;
import org.gongkai.site.SiteChanged;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's one site before sites existed becomes the first site: the migration makes it,
 * and this copies its identity from the settings ({@code gongkai.site.*}) at the first start after
 * it, before any request is served. From then on the site is changed through the administration,
 * and the settings no longer rename it.
 */
@Component
class FirstSite implements SmartInitializingSingleton {

  private final SiteRepository repository;
  private final SiteProperties settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  FirstSite(
      SiteRepository repository,
      SiteProperties settings,
      TransactionTemplate transactions,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String host = SiteService.host(settings.domain());
    transactions.executeWithoutResult(
        tx ->
            repository
                .settleFallback(
                    settings.name(),
                    settings.idCode(),
                    host == null ? settings.domain().strip() : host,
                    Instant.now(clock))
                .ifPresent(id -> events.publishEvent(new SiteChanged(id))));
  }
}
