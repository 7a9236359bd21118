package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.gongkai.subscription.internal.Subscribers;
import org.gongkai.subscription.internal.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes on one database gather and send subscription mails at the same moment, then run the
 * whole job together again: every reader gets the publication once, not once per node, and both
 * nodes send a share of the mails (each claims batches under a lease; a node holds no more than its
 * sending threads send).
 */
class SubscriptionsOnTwoNodesPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final int READERS = 120;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
    registry.add("gongkai.subscriptions.batch", () -> 7);
  }

  @Autowired ApplicationContext nodeA;

  @Test
  void eachReaderGetsOneMailWhenTwoNodesSend() throws Exception {
    Fixture f = newAgency();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> readers = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      String email = "two-nodes-" + run + "-" + i + "@readers.test";
      Subscribers.confirmedToAgency(nodeA, email, f.agency().code());
      readers.add(email);
    }
    var smtp = TestMailServer.server().getSmtp().getPort();
    try (ConfigurableApplicationContext nodeB =
        secondNode(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + smtp,
            "gongkai.subscriptions.send-interval=PT1H",
            "gongkai.subscriptions.batch=7")) {
      long document = publish(f, "两个节点同时发送的文件");
      await("notices written")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Subscribers.openNotices(nodeA, document) == READERS);
      CyclicBarrier gathering = new CyclicBarrier(2);
      var gatheredA = CompletableFuture.supplyAsync(() -> gatherTogether(nodeA, gathering));
      var gatheredB = CompletableFuture.supplyAsync(() -> gatherTogether(nodeB, gathering));
      assertThat(gatheredA.get() + gatheredB.get())
          .as("the two nodes gathered each reader's notice into one mail between them")
          .isEqualTo(READERS);
      CyclicBarrier sending = new CyclicBarrier(2);
      var sentA = CompletableFuture.supplyAsync(() -> sendTogether(nodeA, sending, false));
      var sentB = CompletableFuture.supplyAsync(() -> sendTogether(nodeB, sending, false));
      assertThat(sentA.get() + sentB.get()).isEqualTo(READERS);
      for (int round = 0; round < 2; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        var a = CompletableFuture.supplyAsync(() -> sendTogether(nodeA, together, true));
        var b = CompletableFuture.supplyAsync(() -> sendTogether(nodeB, together, true));
        assertThat(a.get() + b.get()).as("nothing is left to send").isZero();
      }
      for (String email : readers) {
        List<MimeMessage> mails = TestMailServer.to(email);
        assertThat(mails).as(email).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("两个节点同时发送的文件");
      }
      Long sent =
          jdbc.sql(
                  "SELECT COUNT(*) FROM subscription_send s JOIN subscription_mail m ON m.id ="
                      + " s.mail_id JOIN subscription_notice n ON n.mail_id = m.id WHERE"
                      + " n.document_id = ? AND s.outcome = 'SENT'")
              .param(document)
              .query(Long.class)
              .single();
      assertThat(sent).isEqualTo(READERS);
      List<String> senders =
          jdbc.sql(
                  "SELECT DISTINCT s.node FROM subscription_send s JOIN subscription_notice n ON"
                      + " n.mail_id = s.mail_id WHERE n.document_id = ? AND s.outcome = 'SENT'")
              .param(document)
              .query(String.class)
              .list();
      assertThat(senders)
          .as("both nodes took a share of the sending")
          .containsExactlyInAnyOrder(Subscribers.node(nodeA), Subscribers.node(nodeB));
    }
  }

  private static int gatherTogether(ApplicationContext node, CyclicBarrier together) {
    awaitTogether(together);
    return Subscribers.gather(node);
  }

  /** Sends what is due on the node, or runs its whole job ({@code whole}) once. */
  private static int sendTogether(ApplicationContext node, CyclicBarrier together, boolean whole) {
    awaitTogether(together);
    return whole ? Subscribers.sendOnce(node) : Subscribers.sendDue(node);
  }

  private static void awaitTogether(CyclicBarrier together) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
