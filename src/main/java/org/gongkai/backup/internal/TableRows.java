package org.gongkai.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a table's rows as JSON Lines and loads them back, column by column by name. */
final class TableRows {

  private static final int BATCH = 500;

  private TableRows() {}

  static long write(Connection connection, Tables.Table table, OutputStream out, JsonMapper json)
      throws SQLException, IOException {
    String columns =
        table.columns().stream().map(c -> quote(c.actualName())).collect(Collectors.joining(", "));
    String order =
        table.primaryKey().isEmpty()
            ? ""
            : " ORDER BY "
                + table.primaryKey().stream()
                    .map(k -> quote(actual(table, k)))
                    .collect(Collectors.joining(", "));
    long rows = 0;
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT " + columns + " FROM " + quote(table.actualName()) + order)) {
        while (rs.next()) {
          ObjectNode row = json.createObjectNode();
          int i = 1;
          for (Tables.Column column : table.columns()) {
            row.set(column.name(), column.kind().read(rs, i++));
          }
          out.write(json.writeValueAsBytes(row));
          out.write('\n');
          rows++;
        }
      }
    }
    return rows;
  }

  /**
   * Inserts the rows of one archived table into the same table of the target, which must be empty.
   */
  static long load(Connection connection, Tables.Table target, InputStream in, JsonMapper json)
      throws SQLException, IOException {
    List<Tables.Column> columns = target.columns();
    String sql =
        "INSERT INTO "
            + quote(target.actualName())
            + " ("
            + columns.stream().map(c -> quote(c.actualName())).collect(Collectors.joining(", "))
            + ") VALUES ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ")";
    long rows = 0;
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      String line;
      int pending = 0;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        int i = 1;
        for (Tables.Column column : columns) {
          column.kind().bind(insert, i++, row.get(column.name()), sqlType(column));
        }
        insert.addBatch();
        rows++;
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return rows;
  }

  /** Removes rows a migration put into a table of the new, otherwise empty, database. */
  static void clearSeeded(Connection connection, Tables.Table table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table.actualName()))) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return;
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DELETE FROM " + quote(table.actualName()));
    }
  }

  /** Moves identity columns past the loaded rows, so that the next insert does not collide. */
  static void resetIdentities(Connection connection, Tables.Table table, boolean postgres)
      throws SQLException {
    for (String column : table.identityColumns()) {
      String actualColumn = actual(table, column);
      long max;
      try (Statement s = connection.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COALESCE(MAX("
                      + quote(actualColumn)
                      + "), 0) FROM "
                      + quote(table.actualName()))) {
        rs.next();
        max = rs.getLong(1);
      }
      try (Statement s = connection.createStatement()) {
        if (postgres) {
          s.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + table.actualName()
                  + "', '"
                  + actualColumn
                  + "'), "
                  + Math.max(max, 1)
                  + ", "
                  + (max > 0)
                  + ")");
        } else {
          s.execute(
              "ALTER TABLE "
                  + quote(table.actualName())
                  + " ALTER COLUMN "
                  + quote(actualColumn)
                  + " RESTART WITH "
                  + (max + 1));
        }
      }
    }
  }

  private static int sqlType(Tables.Column column) {
    return switch (column.kind()) {
      case INTEGER -> Types.BIGINT;
      case DECIMAL -> Types.DECIMAL;
      case FLOAT -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
      case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
      case UUID -> Types.OTHER;
      case BINARY -> Types.VARBINARY;
      case TEXT -> Types.VARCHAR;
    };
  }

  private static String actual(Tables.Table table, String column) {
    return table.columns().stream()
        .filter(c -> c.name().equals(column.toLowerCase(Locale.ROOT)))
        .findFirst()
        .map(Tables.Column::actualName)
        .orElse(column);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
