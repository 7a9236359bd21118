package org.gongkai.site.internal;

import java.time.Instant;
import java.util.List;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.site.SiteOpenings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SiteOpeningQueries implements SiteOpenings {

  private final JdbcClient jdbc;

  SiteOpeningQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Long> openedBetween(Instant from, Instant until) {
    return jdbc.sql(
            "SELECT id FROM site WHERE created_at >= :from AND created_at < :until ORDER BY id")
        .param("from", Timestamps.toDb(from))
        .param("until", Timestamps.toDb(until))
        .query(Long.class)
        .list();
  }
}
