package org.gongkai.catalog;

import org.gongkai.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production path: the same tests on PostgreSQL. */
class CatalogApiPostgresIntegrationTests extends CatalogApiIntegrationTests {

  @org.junit.jupiter.api.BeforeAll
  static void requirePostgres() {
    org.gongkai.support.PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }
}
