package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.Editorial;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.Search;
import org.gongkai.support.Api;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Two application nodes on one database, each with its own embedded index: what one publishes the
 * other finds within two seconds, what one withdraws the other stops finding as soon, and a synonym
 * added on one is used on the other within seconds; a node that dies in the middle of a publication
 * loses nothing.
 */
class SearchFollowsPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final Duration WITHIN = Duration.ofSeconds(2);

  @Test
  void aDocumentPublishedOnOneNodeIsFoundOnTheOtherAndLeavesItWhenWithdrawn() throws Exception {
    Fixture f = newAgency();
    try (ConfigurableApplicationContext other = secondNode()) {
      Search searchB = other.getBean(Search.class);
      await("node B's index built")
          .atMost(Duration.ofSeconds(30))
          .until(() -> searchB.status().phase() == IndexStatus.Phase.READY);
      Api nodeB = SecondNode.api(other);
      String word = "跨节点检索" + Long.toString(System.nanoTime() % 100_000, 36);
      String query = "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);

      long id = publish(f, "关于" + word + "的通知");
      await("found on node B")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> (Integer) nodeB.get(query).json("$.total") == 1);
      assertThat(((Number) nodeB.get(query).json("$.items[0].id")).longValue()).isEqualTo(id);

      String otherName = "异名检索" + Long.toString(System.nanoTime() % 100_000, 36);
      jdbc.sql("INSERT INTO search_synonym (terms) VALUES (?)")
          .param(word + "," + otherName)
          .update();
      String byOtherName =
          "/api/v1/search?q=" + URLEncoder.encode(otherName, StandardCharsets.UTF_8);
      await("a synonym added elsewhere is used on node B")
          .atMost(Duration.ofSeconds(7))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> (Integer) nodeB.get(byOtherName).json("$.total") == 1);

      // A holiday recorded by another node (a row, no event here) reaches node B's calendar too.
      LocalDate day = LocalDate.of(2027, 9, 14 + (int) (System.nanoTime() % 3));
      WorkingCalendar calendarB = other.getBean(WorkingCalendar.class);
      jdbc.sql("DELETE FROM calendar_day WHERE the_date = ?").param(day).update();
      jdbc.sql(
              "INSERT INTO calendar_day (the_date, kind, name, updated_by, updated_at) VALUES (?, 'HOLIDAY', '测试假日',"
                  + " 'test', CURRENT_TIMESTAMP)")
          .param(day)
          .update();
      await("a holiday added elsewhere is in node B's calendar")
          .atMost(Duration.ofSeconds(7))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !calendarB.current().isWorkingDay(day));
      jdbc.sql("DELETE FROM calendar_day WHERE the_date = ?").param(day).update();

      editorial.withdraw(id, "内容有误", f.reviewer());
      await("gone from node B")
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> (Integer) nodeB.get(query).json("$.total") == 0);
    }
  }

  @Test
  void aNodeThatDiesRightAfterCommittingAPublicationLosesNothing() throws Exception {
    Fixture f = newAgency();
    String word = "中断发布" + Long.toString(System.nanoTime() % 100_000, 36);
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle("关于" + word + "的通知");
    form.setBody("<p>正文</p>");
    long id = editorial.createDraft(form, f.editor());
    editorial.submit(id, f.editor());
    editorial.approve(id, true, null, f.reviewer());

    CompletableFuture<Void> publishing;
    try (ConfigurableApplicationContext dying = secondNode(List.of(StallAfterCommit.class))) {
      Editorial onDying = dying.getBean(Editorial.class);
      publishing = CompletableFuture.runAsync(() -> onDying.publish(id, null, f.reviewer()));
      assertThat(StallAfterCommit.committed.await(30, TimeUnit.SECONDS))
          .as("the publication committed")
          .isTrue();
      // The node goes down before it has answered the publisher or indexed anything after the
      // commit.
    }
    assertThat(publishing).isNotCompleted();

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM edition WHERE document_id = ? AND state = 'PUBLISHED'")
                .param(id)
                .query(Integer.class)
                .single())
        .as("published in the database")
        .isEqualTo(1);
    Api nodeA = api();
    String query = "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
    await("found on the surviving node")
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> (Integer) nodeA.get(query).json("$.total") == 1);
    assertThat(nodeA.get("/documents/" + id).status()).isEqualTo(200);
  }

  /** Holds the publishing thread after the commit, as a machine that stops at that moment would. */
  static class StallAfterCommit {
    static final CountDownLatch committed = new CountDownLatch(1);

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void stall(DocumentPublished event) throws InterruptedException {
      committed.countDown();
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
  }
}
