package org.gongkai.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.gongkai.support.Challenges;
import org.gongkai.support.PackagedApp;
import org.gongkai.support.PostgresTestDatabase;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;

/**
 * The packaged application is killed with SIGKILL while clients submit requests, messages and
 * comments and staff publish documents. After a restart every acknowledged submission is there,
 * found by its tracking code and secret, exactly once; a client that got no answer can retry with
 * its idempotency key without making a second request; and every document whose publication was
 * acknowledged is found by search, the index having caught up by itself.
 */
class KilledApplicationLosesNothingIT {

  private static final int ACKNOWLEDGED_BEFORE_KILL = 240;

  /** Started ahead of time, as docs/operations.md runs a single node; on PostgreSQL plainly. */
  @Test
  void onTheEmbeddedDefault() throws Exception {
    Path data = Files.createTempDirectory("gongkai-crash-h2").resolve("data");
    try (PackagedApp app = new PackagedApp(data).aheadOfTime()) {
      Run run = new Run(app);
      run.loadAndKill();
      app.start(Duration.ofMinutes(2));
      run.checkAfterRestart();
      app.stop();
      run.checkExactlyOnce(
          DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/gongkai"), "gongkai", ""));
    }
  }

  @Test
  void aGracefulStopFinishesTheRequestsInFlight() throws Exception {
    Path data = Files.createTempDirectory("gongkai-stop-h2").resolve("data");
    try (PackagedApp app = new PackagedApp(data).aheadOfTime()) {
      Run run = new Run(app);
      run.load(false);
      assertThat(Files.readString(app.logFile())).contains("Graceful shutdown complete");
      app.start(Duration.ofMinutes(2));
      run.checkAfterRestart();
      app.stop();
      run.checkExactlyOnce(
          DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/gongkai"), "gongkai", ""));
    }
  }

  @Test
  void onPostgres() throws Exception {
    Path data = Files.createTempDirectory("gongkai-crash-pg").resolve("data");
    String url = PostgresTestDatabase.fresh();
    try (PackagedApp app = new PackagedApp(data).onPostgres(url)) {
      Run run = new Run(app);
      run.loadAndKill();
      app.start(Duration.ofMinutes(2));
      run.checkAfterRestart();
      app.stop();
      run.checkExactlyOnce(
          DriverManager.getConnection(
              url, PostgresTestDatabase.user(), PostgresTestDatabase.password()));
    }
  }

  /** One load-kill-restart cycle and what its clients were told. */
  private static final class Run {

    private final PackagedApp app;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
    private final Queue<String> published = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private static final String REVIEWER = "crash-reviewer";
    private String agency;
    private long consultation;
    private long column;

    Run(PackagedApp app) {
      // The staff client sends its password with every call: BCrypt's lowest cost keeps the
      // server's CPU for the submissions under test.
      this.app =
          app.set("gongkai.intake.max-submissions", "1000000")
              .set("gongkai.security.passwords.hash-cost", "4")
              .quickJit();
    }

    record Ack(String kind, String marker, String code, String secret, long id) {}

    record Unanswered(String marker, String idempotencyKey) {}

    void loadAndKill() throws Exception {
      load(true);
    }

    /**
     * Submits from several clients until enough is acknowledged, then kills (SIGKILL) or stops
     * (SIGTERM) the application.
     */
    void load(boolean kill) throws Exception {
      app.start(Duration.ofMinutes(3));
      agency = JsonPath.read(get("/api/v1/agencies"), "$[1].code");
      List<Integer> open = JsonPath.read(get("/api/v1/consultations?state=open"), "$[*].id");
      consultation = open.get(0);
      List<Integer> columns =
          JsonPath.read(get("/api/v1/agencies/" + agency + "/columns"), "$[*].id");
      column = columns.get(0);
      HttpResponse<String> account =
          staff(
              "/api/v1/admin/accounts",
              "{\"username\":\""
                  + REVIEWER
                  + "\",\"displayName\":\"审核员\",\"role\":\"REVIEWER\",\"agency\":\""
                  + agency
                  + "\",\"password\":\""
                  + PackagedApp.ADMIN_PASSWORD
                  + "\"}");
      assertThat(account.statusCode()).as(account.body()).isIn(201, 400);

      ExecutorService clients = Executors.newFixedThreadPool(7);
      for (int i = 0; i < 2; i++) {
        clients.submit(() -> loop(this::submitRequest));
        clients.submit(() -> loop(this::submitMessage));
        clients.submit(() -> loop(this::submitComment));
      }
      clients.submit(() -> loop(this::publishDocument));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      if (kill) {
        app.kill();
      } else {
        app.stop();
      }
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
      assertThat(published).as("documents published before the kill").isNotEmpty();
    }

    private void loop(Step step) {
      while (!stop.get()) {
        try {
          step.run();
        } catch (IOException | InterruptedException e) {
          if (!app.isAlive()) {
            return;
          }
        }
      }
    }

    @FunctionalInterface
    interface Step {
      void run() throws IOException, InterruptedException;
    }

    private void submitRequest() throws IOException, InterruptedException {
      String marker = "crash-" + UUID.randomUUID();
      String key = UUID.randomUUID().toString();
      try {
        HttpResponse<String> r =
            post(
                "/api/v1/foi/requests",
                Challenges.into(
                    Challenges.answered(app.base()), PublicSubmissions.request(agency, marker)),
                Map.of("Idempotency-Key", key));
        if (r.statusCode() == 201) {
          acknowledged.add(
              new Ack(
                  "request",
                  marker,
                  JsonPath.read(r.body(), "$.trackingCode"),
                  JsonPath.read(r.body(), "$.secret"),
                  0));
        }
      } catch (IOException e) {
        unanswered.add(new Unanswered(marker, key));
        throw e;
      }
    }

    private void submitMessage() throws IOException, InterruptedException {
      String marker = "crash-" + UUID.randomUUID();
      HttpResponse<String> r =
          post(
              "/api/v1/mailbox/messages",
              Challenges.into(
                  Challenges.answered(app.base()), PublicSubmissions.message(agency, marker)),
              Map.of());
      if (r.statusCode() == 201) {
        acknowledged.add(
            new Ack(
                "message",
                marker,
                JsonPath.read(r.body(), "$.trackingCode"),
                JsonPath.read(r.body(), "$.secret"),
                0));
      }
    }

    private void submitComment() throws IOException, InterruptedException {
      String marker = "crash-" + UUID.randomUUID();
      HttpResponse<String> r =
          post(
              "/api/v1/consultations/" + consultation + "/comments",
              Challenges.into(Challenges.answered(app.base()), PublicSubmissions.comment(marker)),
              Map.of());
      if (r.statusCode() == 201) {
        Number id = JsonPath.read(r.body(), "$.id");
        acknowledged.add(new Ack("comment", marker, null, null, id.longValue()));
      }
    }

    private void publishDocument() throws IOException, InterruptedException {
      String docNumber = "临商发〔2026〕" + (10000 + (int) (Math.random() * 89999)) + "号";
      String draft =
          "{\"agency\":\""
              + agency
              + "\",\"column\":"
              + column
              + ",\"title\":\"关于崩溃恢复演练的通知\","
              + "\"docNumber\":\""
              + docNumber
              + "\",\"issuedOn\":\"2026-03-01\",\"topic\":\"综合政务\","
              + "\"kind\":\"NORMATIVE_DOCUMENT\",\"body\":\"<p>演练正文。</p>\"}";
      HttpResponse<String> created = staff("/api/v1/admin/documents", draft);
      if (created.statusCode() != 201) {
        return;
      }
      Number id = JsonPath.read(created.body(), "$.id");
      String base = "/api/v1/admin/documents/" + id;
      if (staff(base + "/submit", null).statusCode() == 200
          && reviewer(base + "/approve", "{\"confidentialityChecked\":true,\"comment\":\"无涉密内容\"}")
                  .statusCode()
              == 200
          && reviewer(base + "/publish", null).statusCode() == 200) {
        published.add(docNumber);
      }
    }

    void checkAfterRestart() throws Exception {
      for (Ack ack : acknowledged) {
        switch (ack.kind()) {
          case "request" ->
              assertThat(status("/api/v1/foi/requests/" + ack.code() + "?secret=" + ack.secret()))
                  .as("acknowledged request %s", ack.code())
                  .isEqualTo(200);
          case "message" ->
              assertThat(
                      status("/api/v1/mailbox/messages/" + ack.code() + "?secret=" + ack.secret()))
                  .as("acknowledged message %s", ack.code())
                  .isEqualTo(200);
          default -> {}
        }
      }
      for (Unanswered u : unanswered) {
        HttpResponse<String> retry =
            post(
                "/api/v1/foi/requests",
                Challenges.into(
                    Challenges.answered(app.base()), PublicSubmissions.request(agency, u.marker())),
                Map.of("Idempotency-Key", u.idempotencyKey()));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      List<String> missing = new ArrayList<>(published);
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        missing.removeIf(this::found);
        if (!missing.isEmpty()) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
      }
      assertThat(missing)
          .as("published before the kill, not found by search after the restart")
          .isEmpty();
    }

    private boolean found(String docNumber) {
      try {
        String body =
            get("/api/v1/search?q=" + URLEncoder.encode(docNumber, StandardCharsets.UTF_8));
        List<String> numbers = JsonPath.read(body, "$.items[*].docNumber");
        return numbers.contains(docNumber);
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }

    void checkExactlyOnce(Connection db) throws SQLException {
      try (db) {
        for (Ack ack : acknowledged) {
          String table =
              switch (ack.kind()) {
                case "request" -> "SELECT COUNT(*) FROM foi_request WHERE description LIKE ?";
                case "message" -> "SELECT COUNT(*) FROM mailbox_message WHERE content LIKE ?";
                default -> "SELECT COUNT(*) FROM consultation_comment WHERE body LIKE ?";
              };
          assertThat(count(db, table, ack.marker()))
              .as("%s %s", ack.kind(), ack.marker())
              .isEqualTo(1);
        }
        for (Unanswered u : unanswered) {
          assertThat(
                  count(
                      db, "SELECT COUNT(*) FROM foi_request WHERE description LIKE ?", u.marker()))
              .as("retried request %s", u.marker())
              .isEqualTo(1);
        }
      }
    }

    private static long count(Connection db, String sql, String marker) throws SQLException {
      try (PreparedStatement s = db.prepareStatement(sql)) {
        s.setString(1, "%" + marker + "%");
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    private String get(String path) throws IOException, InterruptedException {
      return http.send(
              HttpRequest.newBuilder(URI.create(app.base() + path))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }

    private int status(String path) throws IOException, InterruptedException {
      return http.send(
              HttpRequest.newBuilder(URI.create(app.base() + path))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(app.base() + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      headers.forEach(b::header);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> staff(String path, String json)
        throws IOException, InterruptedException {
      return staff("admin", PackagedApp.ADMIN_PASSWORD, path, json);
    }

    /** As the agency's reviewer: a second person approves and publishes what the admin wrote. */
    private HttpResponse<String> reviewer(String path, String json)
        throws IOException, InterruptedException {
      return staff(REVIEWER, PackagedApp.ADMIN_PASSWORD, path, json);
    }

    private HttpResponse<String> staff(String user, String password, String path, String json)
        throws IOException, InterruptedException {
      String basic =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(app.base() + path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Basic " + basic)
              .header("Content-Type", "application/json")
              .POST(
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
