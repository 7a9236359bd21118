package org.gongkai.catalog.internal;

import org.gongkai.catalog.Editorial;
import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes editions scheduled for a time that has come. Each publication locks its document and
 * re-checks the state, so two nodes running this at once publish each edition once.
 */
@Component
class ScheduledPublications {

  private static final Logger log = LoggerFactory.getLogger(ScheduledPublications.class);

  private final Editorial editorial;

  ScheduledPublications(Editorial editorial) {
    this.editorial = editorial;
  }

  @ClusterJob(
      fixedDelay = "${gongkai.catalog.schedule-check:" + CatalogProperties.SCHEDULE_CHECK + "}")
  void publishDue() {
    int count = editorial.publishDue();
    if (count > 0) {
      log.info("published {} scheduled document(s)", count);
    }
  }
}
