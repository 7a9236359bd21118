package org.gongkai.syndication.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The outbox, its claims and leases on PostgreSQL, the production database. */
@OnPostgresDatabase
class WebhookDeliveryPostgresIntegrationTests extends WebhookDeliveryIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
