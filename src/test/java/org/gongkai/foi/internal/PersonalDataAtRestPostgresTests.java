package org.gongkai.foi.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;

@OnPostgresDatabase
class PersonalDataAtRestPostgresTests extends PersonalDataAtRestTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }
}
