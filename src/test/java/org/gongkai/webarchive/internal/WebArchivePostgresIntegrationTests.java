package org.gongkai.webarchive.internal;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production path: the archive's SQL (its queue, its files, the search for a site's year) on
 * PostgreSQL; the context closes after them, freeing its connections.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebArchivePostgresIntegrationTests extends WebArchiveIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  private static String database;

  /** A database of its own, for the reason the H2 variant has a data folder of its own. */
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
    registry.add("spring.datasource.url", WebArchivePostgresIntegrationTests::ownDatabase);
  }

  private static synchronized String ownDatabase() {
    if (database == null) {
      database = PostgresTestDatabase.fresh();
    }
    return database;
  }
}
