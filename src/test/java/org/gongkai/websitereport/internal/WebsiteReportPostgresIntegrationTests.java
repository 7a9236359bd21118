package org.gongkai.websitereport.internal;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production path: the same tests on PostgreSQL; the context closes after them, freeing its
 * connections.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebsiteReportPostgresIntegrationTests extends WebsiteReportIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }
}
