package org.gongkai.topic;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Topics, their JSON copies and the tag matching on PostgreSQL, the production database. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TopicPostgresIntegrationTests extends TopicIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }
}
