package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.Search;
import org.gongkai.support.Api;
import org.gongkai.support.OpenSearchTestCluster;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application nodes on one PostgreSQL and one OpenSearch cluster of two nodes: what one
 * publishes the other finds at once, what one withdraws is gone from the other's search and answers
 * 410 there as soon as the withdrawal returns.
 */
class SearchOnOpenSearchPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final String ALIAS =
      "two-nodes-" + Long.toString(System.nanoTime() % 1_000_000, 36);

  @DynamicPropertySource
  static void openSearch(DynamicPropertyRegistry registry) {
    registry.add("gongkai.search.engine", () -> "opensearch");
    registry.add("gongkai.search.opensearch.hosts", () -> OpenSearchTestCluster.shared().hosts());
    registry.add("gongkai.search.opensearch.alias", () -> ALIAS);
  }

  @Autowired Search searchA;

  @Test
  void aDocumentPublishedOnOneNodeIsFoundOnTheOtherAndWithdrawnThereIsGoneHere() throws Exception {
    // The index behind a fresh alias is built in the background: a publication during that build
    // is not what this test is about.
    await("node A's search ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> searchA.status().phase() == IndexStatus.Phase.READY);
    Fixture f = newAgency();
    try (ConfigurableApplicationContext other =
        secondNode(
            "gongkai.search.engine=opensearch",
            "gongkai.search.opensearch.hosts=" + OpenSearchTestCluster.shared().hosts(),
            "gongkai.search.opensearch.alias=" + ALIAS)) {
      Search searchB = other.getBean(Search.class);
      await("node B's search ready")
          .atMost(Duration.ofSeconds(30))
          .until(() -> searchB.status().phase() == IndexStatus.Phase.READY);
      Api nodeA = api();
      Api nodeB = SecondNode.api(other);
      String word = "集群检索" + Long.toString(System.nanoTime() % 100_000, 36);
      String query = "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);

      long id = publish(f, "关于" + word + "的通知");
      await("found on node B")
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> (Integer) nodeB.get(query).json("$.total") == 1);
      assertThat(((Number) nodeB.get(query).json("$.items[0].id")).longValue()).isEqualTo(id);

      Api.Response withdrawn =
          nodeB.post(
              "/api/v1/admin/documents/" + id + "/withdraw",
              "{\"reason\":\"撤回\"}",
              f.reviewer().username(),
              PASSWORD);
      assertThat(withdrawn.status()).isEqualTo(200);
      assertThat(nodeA.get("/documents/" + id).status()).isEqualTo(410);
      // By its id: the shared database keeps other runs' documents, and a word's bigrams may meet
      // one of them.
      List<Number> found = nodeA.get(query).json("$.items[*].id");
      assertThat(found.stream().map(Number::longValue).toList())
          .as("gone from search on node A at once")
          .doesNotContain(id);
    }
  }
}
