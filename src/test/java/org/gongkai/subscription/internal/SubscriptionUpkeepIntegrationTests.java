package org.gongkai.subscription.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What happens to a subscription after its first mail: a revision of a document it was told of is
 * not mailed again (a new publication is), and mails finished longer ago than {@code keep-mails}
 * are removed with their items and send log while newer ones stay.
 */
@TestMailServer.WithTestMailServer
class SubscriptionUpkeepIntegrationTests extends PlatformIntegrationTests {

  @Autowired SubscriptionUpkeep upkeep;

  @Autowired SubscriptionProperties settings;

  @Autowired ApplicationContext context;

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@readers.test";
  }

  private void awaitNotices(long documentId) {
    await("notices for document " + documentId)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Subscribers.openNotices(context, documentId) > 0);
  }

  private void revise(long document, String title, Fixture f) {
    editorial.startRevision(document, f.editor());
    DocumentForm change =
        DocumentForm.of(
            editorial.get(document, f.editor()).working(), f.agency().code(), List.of());
    change.setTitle(title);
    editorial.updateDraft(document, change, f.editor());
    editorial.submit(document, f.editor());
    editorial.approve(document, true, null, f.reviewer());
    editorial.publish(document, null, f.reviewer());
  }

  @Test
  void aRevisionIsNotMailedAgainANewPublicationIs() throws Exception {
    Fixture f = newAgency();
    String reader = address("revision");
    Subscribers.confirmedToAgency(context, reader, f.agency().code());
    long document = publish(f, "修订之前的订阅文件");
    awaitNotices(document);
    Subscribers.sendOnce(context);
    assertThat(TestMailServer.to(reader)).hasSize(1);

    revise(document, "修订之后的订阅文件", f);
    long next = publish(f, "修订之后新发布的文件");
    awaitNotices(next);
    Subscribers.sendOnce(context);
    List<MimeMessage> mails = TestMailServer.to(reader);
    assertThat(mails).hasSize(2);
    assertThat(TestMailServer.text(mails.get(1)))
        .contains("修订之后新发布的文件")
        .doesNotContain("修订之后的订阅文件");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM subscription_notice WHERE document_id = ?")
                .param(document)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void mailsFinishedLongerAgoThanKeptAreRemovedWithTheirItemsAndLog() throws Exception {
    Fixture f = newAgency();
    String reader = address("old-mails");
    Subscribers.confirmedToAgency(context, reader, f.agency().code());
    long old = publish(f, "很久以前寄出的文件");
    awaitNotices(old);
    Subscribers.sendOnce(context);
    long recent = publish(f, "最近寄出的文件");
    awaitNotices(recent);
    Subscribers.sendOnce(context);
    assertThat(TestMailServer.to(reader)).hasSize(2);
    long oldMail = mailOf(old);
    long recentMail = mailOf(recent);
    Timestamp longAgo =
        Timestamp.from(Instant.now().minus(settings.keepMails()).minus(Duration.ofDays(1)));
    jdbc.sql("UPDATE subscription_mail SET created_at = ?, sent_at = ? WHERE id = ?")
        .params(longAgo, longAgo, oldMail)
        .update();
    jdbc.sql("UPDATE subscription_send SET attempted_at = ? WHERE mail_id = ?")
        .params(longAgo, oldMail)
        .update();

    assertThat(upkeep.forgetOldMails()).isGreaterThanOrEqualTo(1);

    assertThat(count("subscription_mail", "id", oldMail)).isZero();
    assertThat(count("subscription_send", "mail_id", oldMail)).isZero();
    assertThat(count("subscription_notice", "mail_id", oldMail)).isZero();
    assertThat(count("subscription_mail", "id", recentMail)).isEqualTo(1);
    assertThat(count("subscription_send", "mail_id", recentMail)).isEqualTo(1);
    assertThat(count("subscription_notice", "mail_id", recentMail)).isEqualTo(1);
  }

  private long mailOf(long document) {
    return jdbc.sql("SELECT mail_id FROM subscription_notice WHERE document_id = ?")
        .param(document)
        .query(Long.class)
        .single();
  }

  private long count(String table, String column, long id) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
