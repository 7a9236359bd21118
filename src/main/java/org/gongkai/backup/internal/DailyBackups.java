package org.gongkai.backup.internal;

import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The daily backup, kept by the retention count like every other. */
@Component
@ConditionalOnProperty(name = "gongkai.backup.daily", havingValue = "true", matchIfMissing = true)
class DailyBackups {

  private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);

  private final Backups backups;

  DailyBackups(Backups backups) {
    this.backups = backups;
  }

  @ClusterJob(cron = "${gongkai.backup.cron:0 15 2 * * *}")
  void backUp() {
    try {
      backups.create("system");
    } catch (RuntimeException e) {
      log.error("the daily backup failed", e);
    }
  }
}
