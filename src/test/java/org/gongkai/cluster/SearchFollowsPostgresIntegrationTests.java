package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.Search;
import org.gongkai.support.Api;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database, each with its own embedded index: what one publishes the
 * other finds within two seconds, what one withdraws the other stops finding as soon, and a
 * synonym added on one is used on the other within seconds.
 */
class SearchFollowsPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(2);

  @Test
  void aDocumentPublishedOnOneNodeIsFoundOnTheOtherAndLeavesItWhenWithdrawn() throws Exception {
    Fixture f = newAgency();
    try (ConfigurableApplicationContext other = SecondNode.start()) {
      Search searchB = other.getBean(Search.class);
      await("node B's index built").atMost(Duration.ofSeconds(30))
          .until(() -> searchB.status().phase() == IndexStatus.Phase.READY);
      Api nodeB = SecondNode.api(other);
      String word = "跨节点检索" + Long.toString(System.nanoTime() % 100_000, 36);
      String query = "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);

      long id = publish(f, "关于" + word + "的通知");
      await("found on node B").atMost(WITHIN).pollInterval(Duration.ofMillis(50))
          .until(() -> (Integer) nodeB.get(query).json("$.total") == 1);
      assertThat(((Number) nodeB.get(query).json("$.items[0].id")).longValue()).isEqualTo(id);

      String otherName = "异名检索" + Long.toString(System.nanoTime() % 100_000, 36);
      jdbc.sql("INSERT INTO search_synonym (terms) VALUES (?)").param(word + "," + otherName).update();
      String byOtherName = "/api/v1/search?q=" + URLEncoder.encode(otherName, StandardCharsets.UTF_8);
      await("a synonym added elsewhere is used on node B").atMost(Duration.ofSeconds(7))
          .pollInterval(Duration.ofMillis(100)).until(() -> (Integer) nodeB.get(byOtherName).json("$.total") == 1);

      editorial.withdraw(id, "内容有误", f.reviewer());
      await("gone from node B").atMost(WITHIN).pollInterval(Duration.ofMillis(50))
          .until(() -> (Integer) nodeB.get(query).json("$.total") == 0);
    }
  }
}
