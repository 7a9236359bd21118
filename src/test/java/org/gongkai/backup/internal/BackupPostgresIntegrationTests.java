package org.gongkai.backup.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The same backups written from PostgreSQL, in the context the PostgreSQL test classes share. */
@OnPostgresDatabase
class BackupPostgresIntegrationTests extends BackupIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
