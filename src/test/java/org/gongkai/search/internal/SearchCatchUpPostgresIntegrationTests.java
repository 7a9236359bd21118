package org.gongkai.search.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

@OnPostgresDatabase
class SearchCatchUpPostgresIntegrationTests extends SearchCatchUpIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
