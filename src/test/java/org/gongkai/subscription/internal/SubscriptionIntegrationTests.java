package org.gongkai.subscription.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Subscriptions end to end against a GreenMail server: subscribe, confirm from the mail, a
 * publication mails the confirmed reader once and the unconfirmed not at all, several publications
 * of a run make one mail, a daily digest gathers the day, the one-click POST stops the mails, and
 * an address that keeps bouncing is stopped.
 */
@TestMailServer.WithTestMailServer
class SubscriptionIntegrationTests extends PlatformIntegrationTests {

  @Autowired SubscriptionMailer mailer;

  @Autowired BounceMailbox bounces;

  @Autowired SubscriptionProperties settings;

  @Autowired AuditTrail audit;

  @Autowired ApplicationContext context;

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@readers.test";
  }

  private Api.Response subscribe(String email, String scope, String frequency) {
    String json = "{\"email\":\"" + email + "\"," + scope + ",\"frequency\":\"" + frequency + "\"}";
    return api().post("/api/v1/subscriptions", api().answered(json), null, null);
  }

  /** Subscribes through the API and follows the link of the confirmation mail. */
  private void subscribeAndConfirm(String email, String scope, String frequency) throws Exception {
    assertThat(subscribe(email, scope, frequency).status()).isEqualTo(202);
    mailer.sendDue();
    List<MimeMessage> mails = TestMailServer.to(email);
    assertThat(mails).hasSize(1);
    String token = TestMailServer.token(mails.get(0), "/subscriptions/confirm");
    Api.Response page = api().get("/subscriptions/confirm?token=" + token);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"confirmed\"");
  }

  private void awaitNotices(long documentId) {
    await("notices for document " + documentId)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Subscribers.openNotices(context, documentId) > 0);
  }

  @Test
  void aPublicationMailsTheConfirmedReaderOnceAndNotTheUnconfirmed() throws Exception {
    Fixture f = newAgency();
    String confirmed = address("confirmed");
    String unconfirmed = address("unconfirmed");
    String agency = "\"agency\":\"" + f.agency().code() + "\"";
    subscribeAndConfirm(confirmed, agency, "IMMEDIATE");
    assertThat(subscribe(unconfirmed, agency, "IMMEDIATE").status()).isEqualTo(202);
    mailer.sendDue();
    assertThat(TestMailServer.to(unconfirmed)).hasSize(1);

    long document = publish(f, "订阅测试：新发布的通知");
    awaitNotices(document);
    Subscribers.sendOnce(context);
    Subscribers.sendOnce(context);

    List<MimeMessage> toConfirmed = TestMailServer.to(confirmed);
    assertThat(toConfirmed).hasSize(2);
    MimeMessage mail = toConfirmed.get(1);
    assertThat(mail.getSubject()).contains("订阅测试：新发布的通知");
    assertThat(TestMailServer.text(mail)).contains("/documents/" + document);
    assertThat(mail.getHeader("List-Unsubscribe")[0])
        .matches("<https://[^>]+/api/v1/subscriptions/unsubscribe\\?token=[^>]+>");
    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(TestMailServer.to(unconfirmed)).hasSize(1);

    String manage = TestMailServer.token(mail, "/subscriptions/manage");
    Api.Response page = api().get("/subscriptions/manage?token=" + manage);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(f.agency().name());
    assertThat(api().get("/subscriptions/manage?token=" + manage + "x").body())
        .doesNotContain(f.agency().name());
  }

  @Test
  void publicationsOfOneRunMakeOneMail() throws Exception {
    Fixture f = newAgency();
    String reader = address("batched");
    subscribeAndConfirm(reader, "\"column\":" + f.policies().id(), "IMMEDIATE");
    long first = publish(f, "同一批的第一份文件");
    long second = publish(f, "同一批的第二份文件");
    awaitNotices(first);
    awaitNotices(second);
    Subscribers.sendOnce(context);
    List<MimeMessage> mails = TestMailServer.to(reader);
    assertThat(mails).hasSize(2);
    assertThat(TestMailServer.text(mails.get(1))).contains("同一批的第一份文件").contains("同一批的第二份文件");
  }

  @Test
  void aDailyDigestGathersTheDaysItems() throws Exception {
    Fixture f = newAgency();
    String reader = address("daily");
    subscribeAndConfirm(reader, "\"agency\":\"" + f.agency().code() + "\"", "DAILY");
    long first = publish(f, "当日的第一份文件");
    long second = publish(f, "当日的第二份文件");
    awaitNotices(first);
    awaitNotices(second);
    Instant todaysDigest =
        clock.today().atTime(settings.digestAt()).atZone(clock.getZone()).toInstant();
    if (clock.instant().isAfter(todaysDigest)) {
      Subscribers.sendOnce(context);
      assertThat(TestMailServer.to(reader)).as("no digest before its hour").hasSize(1);
    }
    LocalDate tomorrow = clock.today().plusDays(1);
    Instant after =
        tomorrow.atTime(settings.digestAt()).plusMinutes(1).atZone(clock.getZone()).toInstant();
    clock.advance(Duration.between(clock.instant(), after));
    Subscribers.sendOnce(context);
    Subscribers.sendOnce(context);
    List<MimeMessage> mails = TestMailServer.to(reader);
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1).getSubject()).contains("每日订阅摘要");
    assertThat(TestMailServer.text(mails.get(1))).contains("当日的第一份文件").contains("当日的第二份文件");
  }

  @Test
  void theOneClickPostStopsTheMails() throws Exception {
    Fixture f = newAgency();
    String reader = address("leaving");
    subscribeAndConfirm(reader, "\"agency\":\"" + f.agency().code() + "\"", "IMMEDIATE");
    long first = publish(f, "退订之前的文件");
    awaitNotices(first);
    Subscribers.sendOnce(context);
    MimeMessage mail = TestMailServer.to(reader).get(1);
    String header = mail.getHeader("List-Unsubscribe")[0];
    String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/v1/subscriptions/unsubscribe?token="
                                + token))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);

    long subscriptionId = subscriptionOf(reader, f);
    assertThat(state(subscriptionId)).isEqualTo("UNSUBSCRIBED");
    assertThat(addressKept(subscriptionId)).isFalse();
    assertThat(audit.forSubject("subscription", subscriptionId))
        .extracting(AuditEntry::action)
        .contains("subscription.requested", "subscription.confirmed", "subscription.unsubscribed");

    String witness = address("witness");
    Subscribers.confirmedToAgency(context, witness, f.agency().code());
    long second = publish(f, "退订之后的文件");
    awaitNotices(second);
    assertThat(Subscribers.openNotices(context, second)).isEqualTo(1);
    Subscribers.sendOnce(context);
    assertThat(TestMailServer.to(witness)).hasSize(1);
    assertThat(TestMailServer.to(reader)).hasSize(2);
  }

  @Test
  void anAddressThatKeepsBouncingIsStopped() throws Exception {
    Fixture f = newAgency();
    String reader = address("bouncing");
    subscribeAndConfirm(reader, "\"agency\":\"" + f.agency().code() + "\"", "IMMEDIATE");
    long subscriptionId = subscriptionOf(reader, f);
    for (int i = 1; i <= settings.maxBounces(); i++) {
      assertThat(state(subscriptionId)).isEqualTo("CONFIRMED");
      TestMailServer.bounceBox().deliver(Bounces.report(reader, "5.1.1"));
      TestMailServer.bounceBox().deliver(Bounces.report(reader, "4.2.2"));
      assertThat(bounces.read()).isEqualTo(1);
    }
    assertThat(state(subscriptionId)).isEqualTo("STOPPED");
    assertThat(addressKept(subscriptionId)).isFalse();
    assertThat(audit.forSubject("subscription", subscriptionId))
        .extracting(AuditEntry::action)
        .contains("subscription.stopped");
    String witness = address("witness");
    Subscribers.confirmedToAgency(context, witness, f.agency().code());
    long document = publish(f, "停止之后的文件");
    awaitNotices(document);
    assertThat(Subscribers.openNotices(context, document)).isEqualTo(1);
    Subscribers.sendOnce(context);
    assertThat(TestMailServer.to(witness)).hasSize(1);
    assertThat(TestMailServer.to(reader)).hasSize(1);
  }

  @Autowired org.gongkai.search.Search search;

  @Test
  void aSavedSearchMailsThePublicationsItFinds() throws Exception {
    Fixture f = newAgency();
    String reader = address("searching");
    String word = "潮汐发电" + f.agency().code().substring(12);
    subscribeAndConfirm(
        reader, "\"query\":\"" + word + "\",\"agency\":\"" + f.agency().code() + "\"", "IMMEDIATE");
    long found = publish(f, "关于" + word + "项目的通知");
    long other = publish(f, "与检索词无关的文件");
    await("the index has the publication")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                search.search(org.gongkai.search.SearchQuery.of(word)).items().stream()
                    .anyMatch(h -> h.id() == found));
    Subscribers.sendOnce(context);
    List<MimeMessage> mails = TestMailServer.to(reader);
    assertThat(mails).hasSize(2);
    assertThat(TestMailServer.text(mails.get(1)))
        .contains("/documents/" + found)
        .doesNotContain("/documents/" + other);
    String manage = TestMailServer.token(mails.get(1), "/subscriptions/manage");
    assertThat(api().get("/subscriptions/manage?token=" + manage).body())
        .contains("class=\"subscription-feed\"")
        .contains("/search/feed?q=")
        .contains("agency=" + f.agency().code());
    Subscribers.sendOnce(context);
    assertThat(TestMailServer.to(reader)).hasSize(2);
  }

  /** Neither an agency nor a column: the search runs over the whole site. */
  @Test
  void aSearchOverEveryAgencyIsTaken() {
    Api.Response taken = subscribe(address("all"), "\"query\":\"垃圾分类\"", "DAILY");

    assertThat(taken.status()).as(taken.body()).isEqualTo(202);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    Fixture f = newAgency();
    Api.Response noAddress =
        subscribe("not-an-address", "\"agency\":\"" + f.agency().code() + "\"", "DAILY");
    assertThat(noAddress.status()).isEqualTo(400);
    assertThat(noAddress.body()).contains("email");
    Api.Response badFrequency =
        subscribe(address("x"), "\"agency\":\"" + f.agency().code() + "\"", "HOURLY");
    assertThat(badFrequency.status()).isEqualTo(400);
    assertThat(badFrequency.body()).contains("frequency");
    Api.Response nothing = subscribe(address("y"), "\"query\":\"\"", "DAILY");
    assertThat(nothing.status()).isEqualTo(400);
  }

  private long subscriptionOf(String email, Fixture f) {
    return jdbc.sql(
            "SELECT s.id FROM subscription s WHERE s.agency_id = ? ORDER BY s.id DESC FETCH FIRST"
                + " 1 ROWS ONLY")
        .param(f.agency().id())
        .query(Long.class)
        .single();
  }

  private String state(long subscriptionId) {
    return jdbc.sql("SELECT state FROM subscription WHERE id = ?")
        .param(subscriptionId)
        .query(String.class)
        .single();
  }

  private boolean addressKept(long subscriptionId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM subscriber r JOIN subscription s ON s.subscriber_id = r.id"
                    + " WHERE s.id = ? AND r.email IS NOT NULL")
            .param(subscriptionId)
            .query(Long.class)
            .single()
        > 0;
  }
}
