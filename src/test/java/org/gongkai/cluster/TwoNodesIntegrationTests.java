package org.gongkai.cluster;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The test's application on PostgreSQL: node A, beside which a test starts node B (SecondNode). */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class TwoNodesIntegrationTests extends PlatformIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }
}
