package org.gongkai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gongkai.support.OnPostgres;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PostgresTestDatabase;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes count the same site on the same day: their views add up, and a visitor seen by both
 * counts once, because the nodes share the day's salt and merge their sketches, even when both
 * write at the same moment.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class VisitsOnTwoNodesPostgresIntegrationTests extends PlatformIntegrationTests {

  @Autowired VisitWriter writer;

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
  }

  @Test
  void twoNodesViewsAddUpAndAVisitorOfBothCountsOnce() throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = "two-nodes-" + suffix + ".localhost";
    long site = newSite("双节点访问统计" + suffix, host, f, "DEPARTMENT");
    List<String> both = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      both.add("10.91.0." + (10 + i));
    }
    for (int i = 0; i < 20; i++) {
      onlyB.add("10.92.0." + (10 + i));
    }
    List<String> visitorsOfB = new ArrayList<>(both);
    visitorsOfB.addAll(onlyB);
    writer.flush();

    try (ConfigurableApplicationContext other = secondNode()) {
      new VisitRequests(port, host).views(300, both, List.of("/"));
      new VisitRequests(SecondNode.port(other), host).views(500, visitorsOfB, List.of("/"));

      VisitWriter writerB = other.getBean(VisitWriter.class);
      // Both at once: each merges its sketch into the day's row under the row's lock.
      CompletableFuture<Long> a = CompletableFuture.supplyAsync(writer::flush);
      CompletableFuture<Long> b = CompletableFuture.supplyAsync(writerB::flush);
      CompletableFuture.allOf(a, b).join();
    }

    Map<String, Object> day =
        jdbc.sql("SELECT views, visitors FROM visit_day WHERE site_id = :s")
            .param("s", site)
            .query()
            .singleRow();
    assertThat(((Number) day.get("views")).longValue()).isEqualTo(800);
    assertThat(((Number) day.get("visitors")).longValue()).isBetween(46L, 54L);
    assertThat(
            jdbc.sql("SELECT views FROM visit_page_day WHERE site_id = :s AND page = '/'")
                .param("s", site)
                .query(Long.class)
                .single())
        .isEqualTo(800);
  }
}
