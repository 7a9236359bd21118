package org.gongkai.search.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * Counting on the production database, where a concurrent insert is a unique violation, not a lost
 * update.
 */
@OnPostgresDatabase
class QueryLogPostgresIntegrationTests extends QueryLogIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
