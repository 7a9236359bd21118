package org.gongkai.topic;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** Topics, their JSON copies and the tag matching on PostgreSQL, the production database. */
@OnPostgresDatabase
class TopicPostgresIntegrationTests extends TopicIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
