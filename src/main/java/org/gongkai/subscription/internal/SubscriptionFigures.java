package org.gongkai.subscription.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts for the console: subscriptions by state, agency, column and topic; mails by outcome. */
@Repository
class SubscriptionFigures {

  private final JdbcClient jdbc;

  SubscriptionFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Count(long id, long count) {}

  /** Subscriptions by state. */
  Map<String, Long> byState() {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT state, COUNT(*) AS n FROM subscription GROUP BY state")
        .query((rs, row) -> counts.put(rs.getString("state"), rs.getLong("n")))
        .list();
    return counts;
  }

  /** Mails (confirmations included) by state. */
  Map<String, Long> mailsByState() {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT state, COUNT(*) AS n FROM subscription_mail GROUP BY state")
        .query((rs, row) -> counts.put(rs.getString("state"), rs.getLong("n")))
        .list();
    return counts;
  }

  /** Active subscriptions to each agency, most first. */
  List<Count> confirmedByAgency() {
    return jdbc.sql(
            "SELECT agency_id, COUNT(*) AS n FROM subscription WHERE state = 'CONFIRMED' AND kind"
                + " = 'AGENCY' GROUP BY agency_id ORDER BY n DESC, agency_id")
        .query((rs, row) -> new Count(rs.getLong("agency_id"), rs.getLong("n")))
        .list();
  }

  /** Active subscriptions to each column, most first. */
  List<Count> confirmedByColumn() {
    return jdbc.sql(
            "SELECT column_id, COUNT(*) AS n FROM subscription WHERE state = 'CONFIRMED' AND kind"
                + " = 'COLUMN' GROUP BY column_id ORDER BY n DESC, column_id")
        .query((rs, row) -> new Count(rs.getLong("column_id"), rs.getLong("n")))
        .list();
  }

  /** Active subscriptions to each topic, most first. */
  List<Count> confirmedByTopic() {
    return jdbc.sql(
            "SELECT topic_id, COUNT(*) AS n FROM subscription WHERE state = 'CONFIRMED' AND kind"
                + " = 'TOPIC' GROUP BY topic_id ORDER BY n DESC, topic_id")
        .query((rs, row) -> new Count(rs.getLong("topic_id"), rs.getLong("n")))
        .list();
  }

  long confirmedQueries() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM subscription WHERE state = 'CONFIRMED' AND kind = 'QUERY'")
        .query(Long.class)
        .single();
  }
}
