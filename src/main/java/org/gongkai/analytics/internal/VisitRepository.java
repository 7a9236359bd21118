package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's counts per site: each node adds its own. Views are added in place; the visitors' sketch
 * is read under a row lock, merged with the node's and written back, so two nodes writing at once
 * both count.
 */
@Repository
class VisitRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final TransactionTemplate transactions;

  VisitRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions) {
    this.batches = batches;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Adds a node's views and visitors' sketch of a day to the site's. */
  void addDay(long siteId, LocalDate day, long views, HllSketch visitors, int lgK) {
    retryingOnce(
        () ->
            transactions.executeWithoutResult(
                status -> {
                  Optional<byte[]> stored =
                      jdbc.sql(
                              "SELECT sketch FROM visit_day WHERE site_id = :site AND on_day = :day"
                                  + " FOR UPDATE")
                          .param("site", siteId)
                          .param("day", day)
                          .query(byte[].class)
                          .optional();
                  Union union = new Union(lgK);
                  union.update(visitors);
                  stored.ifPresent(bytes -> union.update(HllSketch.heapify(bytes)));
                  HllSketch merged = union.getResult(TgtHllType.HLL_4);
                  long estimate = Math.round(merged.getEstimate());
                  if (stored.isPresent()) {
                    jdbc.sql(
                            "UPDATE visit_day SET views = views + :views, visitors = :visitors,"
                                + " sketch = :sketch WHERE site_id = :site AND on_day = :day")
                        .param("views", views)
                        .param("visitors", estimate)
                        .param("sketch", merged.toCompactByteArray())
                        .param("site", siteId)
                        .param("day", day)
                        .update();
                  } else {
                    jdbc.sql(
                            "INSERT INTO visit_day (site_id, on_day, views, visitors, sketch)"
                                + " VALUES (:site, :day, :views, :visitors, :sketch)")
                        .param("site", siteId)
                        .param("day", day)
                        .param("views", views)
                        .param("visitors", estimate)
                        .param("sketch", merged.toCompactByteArray())
                        .update();
                  }
                }));
  }

  void addPages(long siteId, LocalDate day, Map<String, Long> pages) {
    add("visit_page_day", "page", "VARCHAR(300)", siteId, day, pages, "views");
  }

  void addColumns(long siteId, LocalDate day, Map<Long, Long> columns) {
    add("visit_column_day", "column_id", "BIGINT", siteId, day, columns, "views");
  }

  void addMisses(long siteId, LocalDate day, Map<String, Long> misses) {
    add("search_miss_day", "query", "VARCHAR(40)", siteId, day, misses, "searches");
  }

  /**
   * Adds the counts to the day's rows in one batch of MERGE statements (SQL:2008, H2 and PostgreSQL
   * 15), in one transaction so that a retry after another node's insert adds nothing twice; in key
   * order, so that two nodes writing the same rows lock them in the same order.
   */
  private <K extends Comparable<K>> void add(
      String table,
      String keyColumn,
      String keyType,
      long siteId,
      LocalDate day,
      Map<K, Long> counts,
      String count) {
    if (counts.isEmpty()) {
      return;
    }
    String sql =
        "MERGE INTO "
            + table
            + " t USING (VALUES (CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS "
            + keyType
            + "), CAST(? AS BIGINT))) AS s (site_id, on_day, k, n)"
            + " ON t.site_id = s.site_id AND t.on_day = s.on_day AND t."
            + keyColumn
            + " = s.k WHEN MATCHED THEN UPDATE SET "
            + count
            + " = t."
            + count
            + " + s.n WHEN NOT MATCHED THEN INSERT (site_id, on_day, "
            + keyColumn
            + ", "
            + count
            + ") VALUES (s.site_id, s.on_day, s.k, s.n)";
    List<Object[]> rows =
        new TreeMap<>(counts)
            .entrySet().stream()
                .map(e -> new Object[] {siteId, day, e.getKey(), e.getValue()})
                .toList();
    retryingOnce(() -> transactions.executeWithoutResult(status -> batches.batchUpdate(sql, rows)));
  }

  /** Another node inserted the same row between our look and our insert: add to theirs. */
  private static void retryingOnce(Runnable write) {
    try {
      write.run();
    } catch (DuplicateKeyException raced) {
      write.run();
    }
  }
}
