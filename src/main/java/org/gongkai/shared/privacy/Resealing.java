package org.gongkai.shared.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the encrypted columns of one table under the current key, each value bound to its row:
 * values written before encryption was introduced, values sealed before rows were bound, and values
 * sealed under a key that has since been rotated out. It walks the table by id in batches, each in
 * its own transaction, so it can run beside the application and pick up where it stopped.
 */
public final class Resealing {

  private static final Logger log = LoggerFactory.getLogger(Resealing.class);
  private static final int BATCH = 500;

  private Resealing() {}

  /**
   * {@link #run} on a thread of its own, so that start-up does not wait for it; a failure is logged
   * and the next start resumes where it stopped.
   */
  public static void inBackground(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      PersonalDataCipher cipher,
      String table,
      Map<String, String> columns) {
    Thread thread =
        new Thread(
            () -> {
              try {
                run(jdbc, transactions, cipher, table, columns, null);
              } catch (RuntimeException e) {
                log.error(
                    "encrypting {} under the current key stopped; it is tried again at the next start",
                    table,
                    e);
              }
            },
            table + "-reseal");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reseals {@code columns} (column name to the field name the cipher binds) of {@code table};
   * {@code onRow} may add columns to the update (a lookup hash, say). A value that does not open
   * (altered, or sealed under a key since removed) is left as it is and logged by its row, and the
   * run goes on. Returns the rows changed.
   */
  public static int run(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      PersonalDataCipher cipher,
      String table,
      Map<String, String> columns,
      Extra onRow) {
    int changed = 0;
    int[] unopened = {0};
    long after = 0;
    while (true) {
      long from = after;
      List<Map<String, Object>> rows =
          jdbc.sql(
                  "SELECT id, "
                      + String.join(", ", columns.keySet())
                      + " FROM "
                      + table
                      + " WHERE id > ? ORDER BY id FETCH FIRST "
                      + BATCH
                      + " ROWS ONLY")
              .param(from)
              .query()
              .listOfRows();
      if (rows.isEmpty()) {
        if (changed > 0) {
          log.info("{} rows of {} sealed under the current key", changed, table);
        }
        if (unopened[0] > 0) {
          log.error(
              "{} values of {} do not open under any key (altered, or their key was removed);"
                  + " they were left as they are, each row named above",
              unopened[0],
              table);
        }
        return changed;
      }
      int[] count = {0};
      transactions.executeWithoutResult(
          tx -> {
            for (Map<String, Object> row : rows) {
              count[0] += reseal(jdbc, cipher, table, columns, onRow, row, unopened);
            }
          });
      changed += count[0];
      after = ((Number) value(rows.get(rows.size() - 1), "id")).longValue();
    }
  }

  private static int reseal(
      JdbcClient jdbc,
      PersonalDataCipher cipher,
      String table,
      Map<String, String> columns,
      Extra onRow,
      Map<String, Object> row,
      int[] unopened) {
    List<String> sets = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    long id = ((Number) value(row, "id")).longValue();
    for (var column : columns.entrySet()) {
      String stored = (String) value(row, column.getKey());
      if (!cipher.isCurrent(stored)) {
        String plain;
        try {
          plain = cipher.open(column.getValue(), id, stored);
        } catch (IllegalStateException e) {
          // One altered value must not keep every other row of the table from its new key; the
          // row is named (never its value) so that it can be looked at.
          log.error(
              "{}.{} of row {} does not open: {}", table, column.getKey(), id, e.getMessage());
          unopened[0]++;
          continue;
        }
        sets.add(column.getKey() + " = ?");
        params.add(cipher.seal(column.getValue(), id, plain));
        if (onRow != null) {
          onRow.add(column.getKey(), plain, sets, params);
        }
      }
    }
    if (sets.isEmpty()) {
      return 0;
    }
    params.add(value(row, "id"));
    jdbc.sql("UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE id = ?")
        .params(params)
        .update();
    return 1;
  }

  /** Row maps from H2 and PostgreSQL differ in the case of their keys. */
  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null || row.containsKey(column) ? v : row.get(column.toUpperCase(Locale.ROOT));
  }

  /** More to set on a row when one of its columns is resealed. */
  @FunctionalInterface
  public interface Extra {
    void add(String column, String plain, List<String> sets, List<Object> params);
  }
}
