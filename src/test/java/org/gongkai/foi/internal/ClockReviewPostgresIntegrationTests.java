package org.gongkai.foi.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * The production path: the same tests on PostgreSQL, in the context all PostgreSQL test classes
 * share.
 */
@OnPostgresDatabase
class ClockReviewPostgresIntegrationTests extends ClockReviewIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
