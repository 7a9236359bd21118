package org.gongkai.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gongkai.catalog.Edition;
import org.gongkai.screening.Finding;
import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every night, the live editions not scanned yet are scanned as the gate scans a draft: what was
 * published before the gate existed, imported, or let through with grounds. The monitor reports
 * what is found (rule PERSONAL_DATA_PUBLISHED), and so the agency's to-do list.
 */
@Component
class PublishedSweep {

  private static final Logger log = LoggerFactory.getLogger(PublishedSweep.class);
  private static final int EXCERPTS = 1000;

  private final PublishedScreenings screenings;
  private final EditionRepository editions;
  private final PersonalDataGate gate;
  private final CatalogProperties settings;
  private final Clock clock;

  PublishedSweep(
      PublishedScreenings screenings,
      EditionRepository editions,
      PersonalDataGate gate,
      CatalogProperties settings,
      Clock clock) {
    this.screenings = screenings;
    this.editions = editions;
    this.gate = gate;
    this.settings = settings;
    this.clock = clock;
  }

  @ClusterJob(
      cron = "${gongkai.catalog.personal-data-sweep:" + CatalogProperties.PERSONAL_DATA_SWEEP + "}")
  void nightly() {
    int found = sweep();
    if (found > 0) {
      log.info("personal data or secrecy marks found in {} published edition(s)", found);
    }
  }

  /** Scans one batch; the editions with a finding that blocks. */
  int sweep() {
    int found = 0;
    for (PublishedScreenings.Unscanned next :
        screenings.unscanned(settings.personalDataSweepBatch())) {
      Edition edition = editions.edition(next.editionId()).orElse(null);
      if (edition == null) {
        continue;
      }
      List<Finding> blocking;
      try {
        blocking =
            gate.findings(edition, next.agencyId()).stream().filter(Finding::blocking).toList();
      } catch (RuntimeException unreadable) {
        log.warn("edition {} not scanned: {}", next.editionId(), unreadable.getMessage());
        continue;
      }
      String excerpts =
          String.join("; ", blocking.stream().map(f -> f.where() + " " + f.excerpt()).toList());
      if (excerpts.length() > EXCERPTS) {
        excerpts = excerpts.substring(0, EXCERPTS);
      }
      screenings.record(
          next, blocking.size(), excerpts.isEmpty() ? null : excerpts, Instant.now(clock));
      if (!blocking.isEmpty()) {
        found++;
      }
    }
    return found;
  }
}
