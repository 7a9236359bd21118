package org.gongkai.subscription.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The same revisions left unmailed and old mails removed on PostgreSQL. */
@OnPostgresDatabase
class SubscriptionUpkeepPostgresIntegrationTests extends SubscriptionUpkeepIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
