package org.gongkai.backup.internal;

import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The daily backup, kept by the retention count like every other. */
@Component
// A condition is decided before any bean exists, so it reads the setting itself; BackupProperties
// documents it.
@ConditionalOnBooleanProperty(name = "gongkai.backup.daily", matchIfMissing = true)
class DailyBackups {

  private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);

  private final Backups backups;

  DailyBackups(Backups backups) {
    this.backups = backups;
  }

  @ClusterJob(cron = "${gongkai.backup.cron:" + BackupProperties.CRON + "}")
  void backUp() {
    try {
      backups.create("system");
    } catch (RuntimeException e) {
      log.error("the daily backup failed", e);
    }
  }
}
