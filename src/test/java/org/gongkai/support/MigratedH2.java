package org.gongkai.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh in-memory H2 database holding the tables of the given migrations, for unit tests of SQL.
 */
public final class MigratedH2 {

  private MigratedH2() {}

  public static JdbcClient with(String... migrations) throws IOException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:unit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    JdbcClient jdbc = JdbcClient.create(h2);
    for (String migration : migrations) {
      String sql = Files.readString(Path.of("src/main/resources/db/migration/common", migration));
      for (String statement : sql.replaceAll("--[^\\n]*", "").split(";")) {
        if (!statement.isBlank()) {
          jdbc.sql(statement).update();
        }
      }
    }
    return jdbc;
  }
}
