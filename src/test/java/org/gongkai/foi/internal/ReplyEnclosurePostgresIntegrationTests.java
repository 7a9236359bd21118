package org.gongkai.foi.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * The production path: the same test on PostgreSQL (the redaction works and the letter), in the
 * context all PostgreSQL test classes share.
 */
@OnPostgresDatabase
class ReplyEnclosurePostgresIntegrationTests extends ReplyEnclosureIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
