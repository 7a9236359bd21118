package org.gongkai.syndication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.syndication.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Publications and withdrawals reach a receiver started by the test, signed; a receiver that fails
 * is tried again after the back-off, and a delivery claimed by a node that died is sent by another
 * once its lease has run out.
 */
class WebhookDeliveryIntegrationTests extends PlatformIntegrationTests {

  private static final String SECRET = "receiver-shared-secret-0123456789";

  @Autowired WebhookSender sender;

  @Autowired DeliveryRepository deliveries;

  @Autowired SyndicationProperties settings;

  @Autowired AuditTrail audit;

  record Received(String signature, String deliveryId, String body) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          if (status == 204) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("Gongkai-Signature"),
                    exchange.getRequestHeaders().getFirst("Gongkai-Delivery"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /**
   * The sending job runs once as soon as its node starts: a test that claims a delivery by hand
   * waits until that first run is over, or the job could claim the delivery first.
   */
  @BeforeEach
  void sendingJobHasRunSinceTheStart() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'WebhookSender.run'"
                                + " AND picked = FALSE AND last_success IS NOT NULL")
                        .query(Long.class)
                        .single()
                    > 0);
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The admin API's body registering {@code url} for one agency with {@code secret}. */
  private static String endpointJson(String url, Fixture f, String secret) {
    return "{\"url\":"
        + Api.quote(url)
        + ",\"agencies\":["
        + Api.quote(f.agency().code())
        + "],\"secret\":"
        + Api.quote(secret)
        + "}";
  }

  private long register(Fixture f) {
    Api.Response created =
        api()
            .post(
                "/api/v1/admin/webhooks", endpointJson(url(), f, SECRET), "admin", ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return ((Number) created.json("$.id")).longValue();
  }

  /** The listener runs after the commit, on its own thread: waits for the outbox row. */
  /**
   * Sends what is due and waits until one more delivery has arrived: the platform's own sending
   * job, which runs on every node, may claim a due delivery a moment before the test does.
   */
  private void sendOneDue() {
    int before = received.size();
    sender.sendDue();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > before);
  }

  private Delivery awaitDelivery(long endpointId, String type) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var found =
          deliveries.recent(endpointId, 10).stream()
              .filter(d -> d.eventType().equals(type))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + type + " delivery in the outbox");
  }

  private static void assertSigned(Received r) {
    String[] parts = r.signature().split(",");
    assertThat(parts[0]).startsWith("t=");
    long t = Long.parseLong(parts[0].substring(2));
    assertThat(parts[1]).isEqualTo("v1=" + Signatures.hmac(SECRET, t + "." + r.body()));
    assertThat(Signatures.hmac("another-secret-entirely", t + "." + r.body()))
        .isNotEqualTo(parts[1].substring(3));
  }

  @Test
  void aPublicationAndItsWithdrawalArriveSigned() throws Exception {
    Fixture f = newAgency();
    Fixture other = newAgency();
    long endpoint = register(f);
    long document = publish(f, "推送测试文件");
    publish(other, "别的机构的文件");
    Delivery published = awaitDelivery(endpoint, Outbox.PUBLISHED);
    assertThat(published.documentId()).isEqualTo(document);

    sendOneDue();
    assertThat(received).hasSize(1);
    Received first = received.get(0);
    assertSigned(first);
    assertThat(first.deliveryId()).isEqualTo(published.deliveryKey());
    assertThat(first.body())
        .contains("\"type\":\"document.published\"")
        .contains("推送测试文件")
        .contains("\"indexNumber\"")
        .doesNotContain("别的机构的文件");

    editorial.withdraw(document, "撤回测试", f.reviewer());
    awaitDelivery(endpoint, Outbox.WITHDRAWN);
    sendOneDue();
    assertThat(received).hasSize(2);
    assertSigned(received.get(1));
    assertThat(received.get(1).body())
        .contains("\"type\":\"document.withdrawn\"")
        .contains("\"id\":" + document);
    assertThat(deliveries.find(published.id()).orElseThrow().state()).isEqualTo(Delivery.DELIVERED);
    assertThat(
            api()
                .get("/api/v1/admin/webhooks/" + endpoint + "/deliveries", "admin", ADMIN_PASSWORD)
                .body())
        .contains("DELIVERED")
        .contains("document.withdrawn");
  }

  @Test
  void aRevisionArrivesSignedWithTheRevisedText() throws Exception {
    Fixture f = newAgency();
    long endpoint = register(f);
    long document = publish(f, "修订前的推送文件");
    awaitDelivery(endpoint, Outbox.PUBLISHED);
    sendOneDue();

    editorial.startRevision(document, f.editor());
    DocumentForm change =
        DocumentForm.of(
            editorial.get(document, f.editor()).working(), f.agency().code(), List.of());
    change.setTitle("修订后的推送文件");
    editorial.updateDraft(document, change, f.editor());
    editorial.submit(document, f.editor());
    editorial.approve(document, true, null, f.reviewer());
    editorial.publish(document, null, f.reviewer());
    Delivery revised = awaitDelivery(endpoint, Outbox.REVISED);
    assertThat(revised.documentId()).isEqualTo(document);
    sendOneDue();
    assertThat(received).hasSize(2);
    Received second = received.get(1);
    assertSigned(second);
    assertThat(second.body())
        .contains("\"type\":\"document.revised\"")
        .contains("修订后的推送文件")
        .contains("\"id\":" + document);
  }

  @Test
  void aReceiverThatFailsThreeTimesGetsTheDeliveryOnTheFourthTry() throws Exception {
    Fixture f = newAgency();
    long endpoint = register(f);
    failuresLeft.set(3);
    publish(f, "重试测试文件");
    Delivery delivery = awaitDelivery(endpoint, Outbox.PUBLISHED);

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(sender.sendDue()).isZero();
      Delivery after = deliveries.find(delivery.id()).orElseThrow();
      assertThat(after.state()).isEqualTo(Delivery.PENDING);
      assertThat(after.attempts()).isEqualTo(attempt);
      assertThat(after.lastStatus()).isEqualTo(500);
      // Not due again before the back-off: base delay doubled per failure.
      assertThat(Duration.between(clock.instant(), after.nextAttemptAt()))
          .isGreaterThanOrEqualTo(settings.delayAfter(attempt).minusSeconds(1));
      assertThat(sender.sendDue()).isZero();
      clock.advance(settings.delayAfter(attempt).plusSeconds(1));
    }
    sendOneDue();
    assertThat(received).hasSize(1);
    assertSigned(received.get(0));
    Delivery done = deliveries.find(delivery.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(Delivery.DELIVERED);
    assertThat(done.attempts()).isEqualTo(4);
    assertThat(deliveries.attempts(delivery.id()))
        .extracting(DeliveryRepository.Attempt::status)
        .containsExactly(500, 500, 500, 204);
  }

  @Test
  void aDeliveryClaimedByANodeThatDiedIsSentByAnotherAfterTheLease() throws Exception {
    Fixture f = newAgency();
    long endpoint = register(f);
    publish(f, "租约测试文件");
    Delivery delivery = awaitDelivery(endpoint, Outbox.PUBLISHED);

    // A node claims the row and dies before it has sent it or written anything back.
    Instant now = clock.instant();
    assertThat(deliveries.claim(delivery.id(), "dead-node", now, now.plus(settings.lease())))
        .isTrue();
    assertThat(sender.sendDue()).isZero();
    assertThat(received).isEmpty();

    clock.advance(settings.lease().plusSeconds(1));
    sendOneDue();
    assertThat(received).hasSize(1);
    assertThat(deliveries.find(delivery.id()).orElseThrow().state()).isEqualTo(Delivery.DELIVERED);
    // The dead node's late write is not taken: the row is no longer its.
    assertThat(
            deliveries.finish(
                delivery.id(), "dead-node", Delivery.PENDING, 1, now, 500, "late", null))
        .isFalse();
  }

  @Test
  void redeliveryByHandSendsTheSameDeliveryAgain() throws Exception {
    Fixture f = newAgency();
    long endpoint = register(f);
    publish(f, "重发测试文件");
    Delivery delivery = awaitDelivery(endpoint, Outbox.PUBLISHED);
    sendOneDue();

    Api.Response redelivered =
        api()
            .post(
                "/api/v1/admin/webhooks/"
                    + endpoint
                    + "/deliveries/"
                    + delivery.id()
                    + "/redeliver",
                "",
                "admin",
                ADMIN_PASSWORD);
    assertThat(redelivered.status()).isEqualTo(202);
    sendOneDue();
    assertThat(received).hasSize(2);
    assertThat(received.get(1).deliveryId()).isEqualTo(received.get(0).deliveryId());
    assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
    assertThat(
            audit.forSubject("webhook_endpoint", endpoint).stream()
                .map(AuditEntry::action)
                .toList())
        .contains("webhook.registered", "webhook.redelivered");
  }

  @Test
  void endpointsAreCheckedWhenRegistered() {
    Fixture f = newAgency();
    Api.Response ftp =
        api()
            .post(
                "/api/v1/admin/webhooks",
                endpointJson("ftp://example.org/x", f, SECRET),
                "admin",
                ADMIN_PASSWORD);
    assertThat(ftp.status()).isEqualTo(400);
    assertThat(ftp.body()).contains("url");
    Api.Response shortSecret =
        api().post("/api/v1/admin/webhooks", endpointJson(url(), f, "x"), "admin", ADMIN_PASSWORD);
    assertThat(shortSecret.status()).isEqualTo(400);
    assertThat(shortSecret.body()).contains("secret");
    Api.Response asEditor =
        api()
            .post(
                "/api/v1/admin/webhooks",
                endpointJson(url(), f, SECRET),
                f.editor().username(),
                PASSWORD);
    assertThat(asEditor.status()).isEqualTo(403);
    long id = register(f);
    String stored =
        jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(SECRET).startsWith("enr:");
  }

  @Test
  void theConsoleListsEndpointsWithTheirDeliveriesAndSendsOneAgain() throws Exception {
    Fixture f = newAgency();
    long endpoint = register(f);
    failuresLeft.set(1);
    publish(f, "控制台推送文件");
    Delivery delivery = awaitDelivery(endpoint, Outbox.PUBLISHED);
    assertThat(sender.sendDue()).isZero();

    MockMvc mvc = consoleMvc();
    MockHttpSession session = adminSession(mvc);
    MockHttpServletResponse page =
        mvc.perform(MockMvcRequestBuilders.get("/console/webhooks").session(session))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    String redeliver =
        "/console/webhooks/" + endpoint + "/deliveries/" + delivery.id() + "/redeliver";
    assertThat(page.getContentAsString()).contains(url(), "HTTP 500", "等待发送", "重新发送", redeliver);

    MockHttpServletResponse again =
        mvc.perform(MockMvcRequestBuilders.post(redeliver).session(session).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(again.getStatus()).isEqualTo(302);
    sendOneDue();
    assertThat(received).hasSize(1);
    assertThat(deliveries.find(delivery.id()).orElseThrow().state()).isEqualTo(Delivery.DELIVERED);

    MockHttpServletResponse asEditor =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/webhooks")
                    .session(consoleSession(mvc, f.editor().username())))
            .andReturn()
            .getResponse();
    assertThat(asEditor.getStatus()).isEqualTo(403);
  }

  @Test
  void theConsoleFormRegistersAnEndpointAndARefusedOneSavesNothing() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = adminSession(mvc);
    String page =
        mvc.perform(MockMvcRequestBuilders.get("/console/webhooks").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("登记推送端点", "for=\"webhook-url\"", "for=\"webhook-secret\"")
        .contains("webhook-agency-" + f.agency().id());

    long before = endpointCount();
    MockHttpServletResponse refused =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/webhooks")
                    .session(session)
                    .with(csrf())
                    .param("url", url())
                    .param("secret", "short")
                    .param("agencies", String.valueOf(f.agency().id())))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(302);
    assertThat(refused.getRedirectedUrl()).endsWith("#new-endpoint");
    assertThat(endpointCount()).as("nothing half-saved").isEqualTo(before);
    MockHttpServletResponse badColumns =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/webhooks")
                    .session(session)
                    .with(csrf())
                    .param("url", url())
                    .param("secret", SECRET)
                    .param("columns", "12 abc"))
            .andReturn()
            .getResponse();
    assertThat(badColumns.getStatus()).isEqualTo(302);
    assertThat(endpointCount()).isEqualTo(before);
    MockHttpServletResponse unknownColumn =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/webhooks")
                    .session(session)
                    .with(csrf())
                    .param("url", url())
                    .param("secret", SECRET)
                    .param("columns", "999999999"))
            .andReturn()
            .getResponse();
    assertThat(unknownColumn.getStatus()).isEqualTo(302);
    assertThat(endpointCount()).isEqualTo(before);

    MockHttpServletResponse registered =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/webhooks")
                    .session(session)
                    .with(csrf())
                    .param("url", url())
                    .param("secret", SECRET)
                    .param("agencies", String.valueOf(f.agency().id()))
                    .param("columns", f.interpretations().id() + "，" + f.policies().id()))
            .andReturn()
            .getResponse();
    assertThat(registered.getStatus()).isEqualTo(302);
    assertThat(endpointCount()).isEqualTo(before + 1);
    long id = jdbc.sql("SELECT MAX(id) FROM webhook_endpoint").query(Long.class).single();
    assertThat(registered.getRedirectedUrl()).endsWith("#endpoint-" + id);
    assertThat(audit.forSubject("webhook_endpoint", id).stream().map(AuditEntry::action).toList())
        .containsExactly("webhook.registered");
    String listed =
        mvc.perform(MockMvcRequestBuilders.get("/console/webhooks").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(listed).contains("id=\"endpoint-" + id + "\"", f.agency().name());
    assertThat(listed).doesNotContain(SECRET);

    long published = publish(f, "控制台登记的端点");
    assertThat(awaitDelivery(id, Outbox.PUBLISHED).documentId()).isEqualTo(published);

    MockHttpServletResponse asReviewer =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/webhooks")
                    .session(consoleSession(mvc, f.reviewer().username()))
                    .with(csrf())
                    .param("url", url())
                    .param("secret", SECRET)
                    .param("agencies", String.valueOf(f.agency().id())))
            .andReturn()
            .getResponse();
    assertThat(asReviewer.getStatus()).isEqualTo(403);
    assertThat(endpointCount()).isEqualTo(before + 1);
  }

  @Test
  void anAccessTokenReachesTheWebhooksOnlyWithTheWebhooksScope() {
    Fixture f = newAgency();
    String write = token("webhooks:write");
    String read = token("webhooks:read");
    String documents = token("documents:write");

    assertThat(bearerPost(documents, endpointJson(url(), f, SECRET)).status())
        .as("another area's scope")
        .isEqualTo(403);
    assertThat(bearerPost(read, endpointJson(url(), f, SECRET)).status())
        .as("read is not write")
        .isEqualTo(403);
    long before = endpointCount();
    Api.Response created = bearerPost(write, endpointJson(url(), f, SECRET));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(endpointCount()).isEqualTo(before + 1);
    assertThat(
            api()
                .with("Authorization", "Bearer " + read)
                .get("/api/v1/admin/webhooks/" + created.json("$.id"))
                .status())
        .isEqualTo(200);
    assertThat(
            api()
                .with("Authorization", "Bearer " + documents)
                .get("/api/v1/admin/webhooks")
                .status())
        .isEqualTo(403);
  }

  /** A token of the platform administrator with one scope. */
  private String token(String scope) {
    Api.Response made =
        api()
            .post(
                "/api/v1/admin/tokens",
                "{\"name\":\"推送"
                    + scope
                    + "\",\"scopes\":[\""
                    + scope
                    + "\"],\"expiresOn\":\""
                    + java.time.LocalDate.now(clock).plusDays(30)
                    + "\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return made.json("$.token");
  }

  private Api.Response bearerPost(String token, String json) {
    var answer =
        org.springframework.web.client.RestClient.builder()
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build()
            .post()
            .uri("http://localhost:" + port + "/api/v1/admin/webhooks")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .body(json)
            .retrieve()
            .toEntity(String.class);
    return new Api.Response(answer.getStatusCode().value(), answer.getBody(), answer.getHeaders());
  }

  private long endpointCount() {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint").query(Long.class).single();
  }

  private MockHttpSession adminSession(MockMvc mvc) throws Exception {
    return (MockHttpSession)
        mvc.perform(
                MockMvcRequestBuilders.post("/login")
                    .with(csrf())
                    .param("username", "admin")
                    .param("password", ADMIN_PASSWORD))
            .andReturn()
            .getRequest()
            .getSession();
  }
}
