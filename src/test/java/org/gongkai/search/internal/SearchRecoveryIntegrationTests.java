package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.SearchQuery;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.ReflectionTestUtils;

/** The index recovers from failures: a failed indexing, an index behind the database, a rebuild. */
class SearchRecoveryIntegrationTests extends PlatformIntegrationTests {

  @MockitoSpyBean IndexedDocuments documents;

  @Autowired SearchService search;

  @Autowired IncompleteEventPublications incomplete;

  @BeforeEach
  void ready() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search.status().phase() == IndexStatus.Phase.READY);
  }

  @Test
  void anEventWhoseIndexingFailedIsCompletedWhenRedelivered() {
    Fixture f = newAgency();
    doThrow(new IllegalStateException("index disk full"))
        .doCallRealMethod()
        .when(documents)
        .of(any());
    long id = publish(f, "故障恢复测试通知子丑寅");
    await().atMost(Duration.ofSeconds(10)).until(() -> failedPublications() > 0);
    assertThat(search.search(SearchQuery.of("故障恢复测试通知子丑寅")).total()).isZero();

    // What the registry does at restart
    // (spring.modulith.events.republish-outstanding-events-on-restart).
    incomplete.resubmitIncompletePublications(publication -> true);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> search.search(SearchQuery.of("故障恢复测试通知子丑寅")).total() == 1);
    assertThat(search.search(SearchQuery.of("故障恢复测试通知子丑寅")).items().get(0).id()).isEqualTo(id);
    await().atMost(Duration.ofSeconds(10)).until(() -> failedPublications() == 0);
  }

  @Test
  void theStartUpCheckBringsAnIndexThatFellBehindBackInLine() {
    Fixture f = newAgency();
    long id = publish(f, "核对补录测试卯辰巳");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> search.search(SearchQuery.of("核对补录测试卯辰巳")).total() == 1);
    search.index().remove(id);
    assertThat(search.search(SearchQuery.of("核对补录测试卯辰巳")).total()).isZero();
    search.catchUp();
    assertThat(search.search(SearchQuery.of("核对补录测试卯辰巳")).total()).isEqualTo(1);
  }

  @Test
  void aFullRebuildKeepsAnsweringAndEndsWithEveryLiveDocument() {
    Fixture f = newAgency();
    publish(f, "重建测试午未申");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> search.search(SearchQuery.of("重建测试午未申")).total() == 1);
    assertThat(search.startRebuild("admin")).isTrue();
    assertThat(search.search(SearchQuery.of("重建测试午未申")).total())
        .as("answers while rebuilding")
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search.status().phase() == IndexStatus.Phase.READY);
    assertThat(search.status().documents())
        .isEqualTo(
            jdbc.sql(
                    "SELECT COUNT(*) FROM edition WHERE state = 'PUBLISHED' AND disclosure_mode = 'PROACTIVE'")
                .query(Long.class)
                .single());
    assertThat(search.search(SearchQuery.of("重建测试午未申")).total()).isEqualTo(1);
  }

  @Test
  void answers503WithAClearMessageOnlyWhileAFreshIndexIsFirstBuilt() {
    ReflectionTestUtils.setField(search, "phase", IndexStatus.Phase.BUILDING_FRESH);
    try {
      var response = api().get("/api/v1/search?q=test");
      assertThat(response.status()).isEqualTo(503);
      assertThat((String) response.json("$.detail")).contains("首次建立");
      assertThat(api().get("/search?q=test").status()).isEqualTo(503);
      assertThat(api().get("/").status()).as("the portal keeps serving").isEqualTo(200);
    } finally {
      ReflectionTestUtils.setField(search, "phase", IndexStatus.Phase.READY);
    }
  }

  private long failedPublications() {
    return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
        .query(Long.class)
        .single();
  }
}
