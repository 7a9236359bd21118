package org.gongkai.search;

import org.gongkai.support.OpenSearchTestCluster;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same search through HTTP with the index on a two-node OpenSearch cluster. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SearchOpenSearchIntegrationTests extends SearchIntegrationTests {

  @DynamicPropertySource
  static void openSearch(DynamicPropertyRegistry registry) {
    registry.add("gongkai.search.engine", () -> "opensearch");
    registry.add("gongkai.search.opensearch.hosts", () -> OpenSearchTestCluster.shared().hosts());
    registry.add(
        "gongkai.search.opensearch.alias",
        () -> "http-" + Long.toString(System.nanoTime() % 1_000_000, 36));
  }
}
