package org.gongkai.subscription.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Subscriptions to a topic (专题): taken through the API or from the topic's page, confirmed from the
 * mail; a publication the topic gathers by its tag, and a document put in by hand, mail the
 * confirmed reader once; an unknown topic is refused naming the field; the console counts the
 * topic's subscriptions.
 */
@TestMailServer.WithTestMailServer
class TopicSubscriptionIntegrationTests extends PlatformIntegrationTests {

  @Autowired SubscriptionMailer mailer;

  @Autowired TopicDesk desk;

  @Autowired ApplicationContext context;

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@readers.test";
  }

  private static String tag() {
    String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    StringBuilder sb = new StringBuilder("专题订阅");
    for (int i = 0; i < 6; i++) {
      sb.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    }
    return sb.toString();
  }

  private Topic publishedTopic(Fixture f, String slug, String title, String tag) {
    Topic t =
        desk.create(
            slug,
            f.agency().code(),
            new TopicContent(
                title, "专题介绍。", List.of(tag), List.of(), LocalDate.now().minusDays(1), null),
            f.editor());
    desk.submit(t.id(), f.editor());
    desk.approve(t.id(), f.reviewer());
    return desk.publish(t.id(), f.reviewer());
  }

  private long publishTagged(Fixture f, String title, String keywords) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle(title);
    form.setKeywords(keywords);
    form.setBody("<p>正文</p>");
    long id = editorial.createDraft(form, f.editor());
    editorial.submit(id, f.editor());
    editorial.approve(id, true, null, f.reviewer());
    editorial.publish(id, null, f.reviewer());
    return id;
  }

  private void awaitNotices(long documentId) {
    await("notices for document " + documentId)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Subscribers.openNotices(context, documentId) > 0);
  }

  private Api.Response subscribe(String email, String topic) {
    String json =
        "{\"email\":\""
            + email
            + "\",\"topic\":"
            + Api.quote(topic)
            + ",\"frequency\":\"IMMEDIATE\"}";
    return api().post("/api/v1/subscriptions", api().answered(json), null, null);
  }

  private void confirmFromMail(String email) throws Exception {
    mailer.sendDue();
    List<MimeMessage> mails = TestMailServer.to(email);
    assertThat(mails).hasSize(1);
    String token = TestMailServer.token(mails.get(0), "/subscriptions/confirm");
    assertThat(api().get("/subscriptions/confirm?token=" + token).body())
        .contains("id=\"confirmed\"");
  }

  @Test
  void aTopicsNewItemsMailItsConfirmedReadersOnce() throws Exception {
    Fixture f = newAgency();
    String tag = tag();
    String slug = "sub-" + UUID.randomUUID().toString().substring(0, 8);
    Topic topic = publishedTopic(f, slug, "订阅测试专题", tag);
    String reader = address("topic");
    String unconfirmed = address("topic-unconfirmed");
    assertThat(subscribe(reader, slug).status()).isEqualTo(202);
    confirmFromMail(reader);
    assertThat(subscribe(unconfirmed, slug).status()).isEqualTo(202);
    mailer.sendDue();

    long gathered = publishTagged(f, "专题按标签收录的文件", tag);
    publish(f, "专题不收录的文件");
    awaitNotices(gathered);
    Subscribers.sendOnce(context);
    Subscribers.sendOnce(context);
    List<MimeMessage> mails = TestMailServer.to(reader);
    assertThat(mails).hasSize(2);
    String text = TestMailServer.text(mails.get(1));
    assertThat(text)
        .contains("专题按标签收录的文件")
        .contains("订阅测试专题")
        .contains("/documents/" + gathered)
        .doesNotContain("专题不收录的文件");
    assertThat(mails.get(1).getHeader("List-Unsubscribe-Post")[0])
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(TestMailServer.to(unconfirmed)).hasSize(1);
    String manage = TestMailServer.token(mails.get(1), "/subscriptions/manage");
    assertThat(api().get("/subscriptions/manage?token=" + manage).body())
        .contains("订阅测试专题")
        .contains("/topics/" + slug + "/feed.atom");

    long byHand = publish(f, "专题手工加入的文件");
    desk.addItem(topic.id(), byHand, null, f.editor());
    awaitNotices(byHand);
    Subscribers.sendOnce(context);
    mails = TestMailServer.to(reader);
    assertThat(mails).hasSize(3);
    assertThat(TestMailServer.text(mails.get(2)))
        .contains("专题手工加入的文件")
        .doesNotContain("专题按标签收录的文件");

    MockMvc mvc = consoleMvc();
    MockHttpSession session = adminSession(mvc);
    MockHttpServletResponse console =
        mvc.perform(MockMvcRequestBuilders.get("/console/subscriptions").session(session))
            .andReturn()
            .getResponse();
    assertThat(console.getStatus()).isEqualTo(200);
    assertThat(console.getContentAsString())
        .contains("id=\"by-topic\"")
        .contains("订阅测试专题")
        .contains("id=\"mails-sent\"")
        .contains("id=\"unsubscribed\"");
  }

  private MockHttpSession adminSession(MockMvc mvc) throws Exception {
    return (MockHttpSession)
        mvc.perform(
                MockMvcRequestBuilders.post("/login")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("username", "admin")
                    .param("password", ADMIN_PASSWORD))
            .andReturn()
            .getRequest()
            .getSession();
  }

  @Test
  void theTopicsPageLeadsToAFormThatSubscribesToIt() throws Exception {
    Fixture f = newAgency();
    String slug = "page-" + UUID.randomUUID().toString().substring(0, 8);
    publishedTopic(f, slug, "从专题页订阅的专题", tag());
    await("the topic's page")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api().get("/topics/" + slug).body().contains("id=\"topic-subscribe\""));
    assertThat(api().get("/topics/" + slug).body()).contains("/subscriptions?topic=" + slug);
    Api.Response form = api().get("/subscriptions?topic=" + slug);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("从专题页订阅的专题")
        .contains("name=\"topic\"")
        .contains("value=\"" + slug + "\"");
  }

  @Test
  void anUnknownTopicIsRefusedNamingTheField() {
    Api.Response refused = subscribe(address("nothing"), "no-such-topic-" + UUID.randomUUID());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("topic");
  }
}
