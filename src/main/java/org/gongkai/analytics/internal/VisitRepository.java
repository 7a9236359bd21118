package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.springframework.dao.DuplicateKeyException;
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
  private final TransactionTemplate transactions;

  VisitRepository(JdbcClient jdbc, TransactionTemplate transactions) {
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
    pages.forEach(
        (page, views) -> add("visit_page_day", "page", siteId, day, page, "views", views));
  }

  void addColumns(long siteId, LocalDate day, Map<Long, Long> columns) {
    columns.forEach(
        (column, views) ->
            add("visit_column_day", "column_id", siteId, day, column, "views", views));
  }

  void addMisses(long siteId, LocalDate day, Map<String, Long> misses) {
    misses.forEach(
        (query, searches) ->
            add("search_miss_day", "query", siteId, day, query, "searches", searches));
  }

  private void add(
      String table,
      String keyColumn,
      long siteId,
      LocalDate day,
      Object key,
      String count,
      long n) {
    retryingOnce(
        () -> {
          int updated =
              jdbc.sql(
                      "UPDATE "
                          + table
                          + " SET "
                          + count
                          + " = "
                          + count
                          + " + :n WHERE site_id = :site AND on_day = :day AND "
                          + keyColumn
                          + " = :key")
                  .param("n", n)
                  .param("site", siteId)
                  .param("day", day)
                  .param("key", key)
                  .update();
          if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO "
                        + table
                        + " (site_id, on_day, "
                        + keyColumn
                        + ", "
                        + count
                        + ") VALUES (:site, :day, :key, :n)")
                .param("n", n)
                .param("site", siteId)
                .param("day", day)
                .param("key", key)
                .update();
          }
        });
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
