package org.gongkai.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The platform's tables as the database describes them, in an order in which each table comes after
 * the tables it refers to, so that rows can be loaded back without disabling constraints.
 */
final class Tables {

  static final String FLYWAY_HISTORY = "flyway_schema_history";

  private Tables() {}

  /** A table; names are lower case whatever the database reports. */
  record Table(
      String name,
      String actualName,
      List<Column> columns,
      List<String> primaryKey,
      Set<String> refersTo) {

    List<String> identityColumns() {
      return columns.stream().filter(Column::identity).map(Column::name).toList();
    }
  }

  record Column(String name, String actualName, ValueKind kind, boolean identity) {}

  static List<Table> of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    Map<String, Table> tables = new LinkedHashMap<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String actual = rs.getString("TABLE_NAME");
        String name = actual.toLowerCase(Locale.ROOT);
        if (!name.equals(FLYWAY_HISTORY)) {
          tables.put(name, describe(meta, schema, actual));
        }
      }
    }
    return ordered(tables);
  }

  private static Table describe(DatabaseMetaData meta, String schema, String actual)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, schema, actual, "%")) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        columns.add(
            new Column(
                column.toLowerCase(Locale.ROOT),
                column,
                ValueKind.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
      }
    }
    Map<Short, String> keyColumns = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, schema, actual)) {
      while (rs.next()) {
        keyColumns.put(
            rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    Set<String> refersTo = new LinkedHashSet<>();
    try (ResultSet rs = meta.getImportedKeys(null, schema, actual)) {
      while (rs.next()) {
        refersTo.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    refersTo.remove(actual.toLowerCase(Locale.ROOT));
    return new Table(
        actual.toLowerCase(Locale.ROOT),
        actual,
        List.copyOf(columns),
        List.copyOf(keyColumns.values()),
        refersTo);
  }

  private static List<Table> ordered(Map<String, Table> tables) {
    List<Table> order = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    List<String> names = new ArrayList<>(tables.keySet());
    names.sort(null);
    while (placed.size() < names.size()) {
      boolean progress = false;
      for (String name : names) {
        Table t = tables.get(name);
        if (!placed.contains(name)
            && placed.containsAll(t.refersTo().stream().filter(tables::containsKey).toList())) {
          order.add(t);
          placed.add(name);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("tables refer to each other in a cycle: " + names);
      }
    }
    return order;
  }
}
