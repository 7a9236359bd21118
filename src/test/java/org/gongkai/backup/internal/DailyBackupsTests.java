package org.gongkai.backup.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;

/** The setting is read by the job, so that a start ahead of time honours it too. */
class DailyBackupsTests {

  private final Backups backups = mock(Backups.class);

  @Test
  void theDailyRunWritesABackup() {
    new DailyBackups(backups, new BackupProperties(true, BackupProperties.CRON, 7)).backUp();

    verify(backups).create("system");
  }

  @Test
  void switchedOffTheDailyRunWritesNone() {
    new DailyBackups(backups, new BackupProperties(false, BackupProperties.CRON, 7)).backUp();

    verifyNoInteractions(backups);
  }
}
