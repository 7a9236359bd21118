package org.gongkai.foi.internal;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production path: the same test on PostgreSQL (the redaction works and the letter); the
 * context closes after it, freeing its connections.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplyEnclosurePostgresIntegrationTests extends ReplyEnclosureIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }
}
