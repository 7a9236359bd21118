package org.gongkai.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test's application at a fresh PostgreSQL database. */
public final class OnPostgres {

  private OnPostgres() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::url);
    registry.add("spring.datasource.username", PostgresTestDatabase::user);
    registry.add("spring.datasource.password", PostgresTestDatabase::password);
  }
}
