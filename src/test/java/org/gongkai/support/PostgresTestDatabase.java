package org.gongkai.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the local PostgreSQL for this test run. Under CI the server must be there
 * (the production path is tested, not assumed); on a developer's machine without one the tests are
 * skipped.
 */
public final class PostgresTestDatabase {

  private static final String HOST =
      System.getenv().getOrDefault("GONGKAI_TEST_PG_HOST", "127.0.0.1:5432");
  private static final String USER =
      System.getenv().getOrDefault("GONGKAI_TEST_PG_USER", "postgres");
  private static final String PASSWORD =
      System.getenv().getOrDefault("GONGKAI_TEST_PG_PASSWORD", "");
  private static String url;

  private PostgresTestDatabase() {}

  public static synchronized String url() {
    if (url == null) {
      url = fresh();
    }
    return url;
  }

  /** Another new, empty database. */
  public static String fresh() {
    String name = "gongkai_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://" + HOST + "/test", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL is required under CI but not reachable at " + HOST, e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + HOST + ": " + e.getMessage());
    }
    return "jdbc:postgresql://" + HOST + "/" + name;
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }
}
