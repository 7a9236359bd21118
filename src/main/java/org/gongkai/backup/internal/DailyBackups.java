package org.gongkai.backup.internal;

import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The daily backup, kept by the retention count like every other. */
@Component
class DailyBackups {

  private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);

  private final Backups backups;
  private final boolean daily;

  // The setting is read here rather than by a condition on the bean, which a start ahead of time
  // would have fixed when the jar was built.
  DailyBackups(Backups backups, BackupProperties settings) {
    this.backups = backups;
    this.daily = settings.daily();
  }

  @ClusterJob(cron = "${gongkai.backup.cron:" + BackupProperties.CRON + "}")
  void backUp() {
    if (!daily) {
      return;
    }
    try {
      backups.create("system");
    } catch (RuntimeException e) {
      log.error("the daily backup failed", e);
    }
  }
}
