package org.gongkai.subscription.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The same topic subscriptions, mails and console counts on PostgreSQL. */
@OnPostgresDatabase
class TopicSubscriptionPostgresIntegrationTests extends TopicSubscriptionIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
