package org.gongkai.imports.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the column mapping: an old site's column (by name) and the agency's column for it. */
@Repository
class ColumnMappingRepository {

  private final JdbcClient jdbc;

  ColumnMappingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Long> of(long agencyId) {
    Map<String, Long> mapping = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT old_name, column_id FROM import_column_mapping WHERE agency_id = ?"
                + " ORDER BY old_name")
        .param(agencyId)
        .query((RowCallbackHandler) rs -> mapping.put(rs.getString(1), rs.getLong(2)));
    return mapping;
  }

  void put(long agencyId, String oldName, long columnId) {
    int updated =
        jdbc.sql(
                "UPDATE import_column_mapping SET column_id = ? WHERE agency_id = ? AND old_name = ?")
            .params(columnId, agencyId, oldName)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO import_column_mapping (agency_id, old_name, column_id) VALUES (?, ?, ?)")
          .params(agencyId, oldName, columnId)
          .update();
    }
  }

  void remove(long agencyId, String oldName) {
    jdbc.sql("DELETE FROM import_column_mapping WHERE agency_id = ? AND old_name = ?")
        .params(agencyId, oldName)
        .update();
  }
}
