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
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes on one database run the subscription mail job at the same moment, again and again:
 * every reader gets the publication once, not once per node.
 */
class SubscriptionsOnTwoNodesPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final int READERS = 40;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
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
        SecondNode.start(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + smtp,
            "gongkai.subscriptions.send-interval=PT1H",
            "gongkai.subscriptions.batch=7")) {
      long document = publish(f, "两个节点同时发送的文件");
      await("notices written")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Subscribers.openNotices(nodeA, document) == READERS);
      for (int round = 0; round < 3; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        var a = CompletableFuture.supplyAsync(() -> sendTogether(nodeA, together));
        var b = CompletableFuture.supplyAsync(() -> sendTogether(nodeB, together));
        a.get();
        b.get();
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
    }
  }

  private static int sendTogether(ApplicationContext node, CyclicBarrier together) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Subscribers.sendOnce(node);
  }
}
