package org.gongkai.subscription.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The same subscriptions, mails and bounces on PostgreSQL, the production database. */
@OnPostgresDatabase
class SubscriptionPostgresIntegrationTests extends SubscriptionIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
