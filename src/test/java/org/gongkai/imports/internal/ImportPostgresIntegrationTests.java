package org.gongkai.imports.internal;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The imports on PostgreSQL: the frontier (visited once per job), the outcomes and their counts,
 * the sources that make a second run skip, the old links and their misses, as on H2.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportPostgresIntegrationTests extends ImportIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }
}
