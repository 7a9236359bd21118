package org.gongkai.benchmark;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.support.Challenges;
import org.gongkai.support.HttpLoad;
import org.gongkai.support.PackagedApp;
import org.gongkai.support.PostgresTestDatabase;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;

/**
 * The durable-intake harness, not a test (not part of {@code mvn verify}): it starts the packaged
 * jar with the demo on H2 or PostgreSQL and measures submissions per second through HTTP from 8
 * keep-alive clients on loopback, each acknowledged only once committed and forced to disk. Every
 * phase is warmed up first. Writes {@code target/benchmark/intake-<db>.json}.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * mvn -B test -Djacoco.skip=true -Dtest=IntakeBenchmark -Dbenchmark.db=h2
 * mvn -B test -Djacoco.skip=true -Dtest=IntakeBenchmark -Dbenchmark.db=postgres
 * mvn -B test -Djacoco.skip=true -Dtest=IntakeBenchmark -Dbenchmark.not-durable=true   # what durability costs
 * </pre>
 */
class IntakeBenchmark {

  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
  private static final Duration PHASE =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
  private static final Duration WARM_UP =
      Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 30));

  @Test
  void measuresDurableSubmissionsPerSecond() throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    boolean durable = !Boolean.getBoolean("benchmark.not-durable");
    Path data = Files.createTempDirectory("gongkai-intake-bench").resolve("data");
    try (PackagedApp app = new PackagedApp(data)) {
      app.set("gongkai.intake.max-submissions", "100000000")
          .jvm("-Xmx1g")
          .set("gongkai.durability.force-commits", String.valueOf(durable));
      if (db.equals("postgres")) {
        app.onPostgres(PostgresTestDatabase.url());
      }
      app.start(Duration.ofMinutes(3));
      HttpClient http = HttpClient.newHttpClient();
      String agency = JsonPath.read(get(http, app.base() + "/api/v1/agencies"), "$[1].code");
      List<Integer> open =
          JsonPath.read(get(http, app.base() + "/api/v1/consultations?state=open"), "$[*].id");
      long consultation = open.get(0);
      String host = "localhost:" + app.port();

      // Each submission spends one solved challenge; they are fetched before the clock starts.
      int perKind = (int) Math.min(800_000, 6_000 * (WARM_UP.toSeconds() + 5 + PHASE.toSeconds()));
      var questions = Challenges.answeredAhead(app.base(), 3 * perKind);
      Map<String, HttpLoad.Requests> kinds = new LinkedHashMap<>();
      kinds.put(
          "requests",
          (c, n) ->
              HttpLoad.postJson(
                  host,
                  "/api/v1/foi/requests",
                  Challenges.into(
                      questions.remove(),
                      PublicSubmissions.request(
                          agency, "bench-" + c + "-" + n + "-" + System.nanoTime())),
                  Map.of()));
      kinds.put(
          "messages",
          (c, n) ->
              HttpLoad.postJson(
                  host,
                  "/api/v1/mailbox/messages",
                  Challenges.into(
                      questions.remove(),
                      PublicSubmissions.message(
                          agency, "bench-" + c + "-" + n + "-" + System.nanoTime())),
                  Map.of()));
      kinds.put(
          "comments",
          (c, n) ->
              HttpLoad.postJson(
                  host,
                  "/api/v1/consultations/" + consultation + "/comments",
                  Challenges.into(
                      questions.remove(),
                      PublicSubmissions.comment("bench-" + c + "-" + n + "-" + System.nanoTime())),
                  Map.of()));

      StringBuilder json =
          new StringBuilder(
              "{\"db\":\""
                  + db
                  + "\",\"durable\":"
                  + durable
                  + ",\"clients\":"
                  + CLIENTS
                  + ",\"seconds\":"
                  + PHASE.toSeconds());
      System.out.printf(
          "%n%s intake on %s, %d clients, %d s phases after %d s warm-up%n",
          durable ? "Durable" : "NOT durable", db, CLIENTS, PHASE.toSeconds(), WARM_UP.toSeconds());
      for (var kind : kinds.values()) {
        HttpLoad.run("localhost", app.port(), CLIENTS, WARM_UP, kind);
      }
      for (var kind : kinds.entrySet()) {
        HttpLoad.run("localhost", app.port(), CLIENTS, Duration.ofSeconds(5), kind.getValue());
        HttpLoad.Result r = HttpLoad.run("localhost", app.port(), CLIENTS, PHASE, kind.getValue());
        System.out.printf("  %-9s %s%n", kind.getKey(), r);
        json.append(
            String.format(
                Locale.ROOT,
                ",\"%s_per_s\":%.1f,\"%s_p50_ms\":%.2f,\"%s_p99_ms\":%.2f,\"%s_failed\":%d",
                kind.getKey(),
                r.perSecond(),
                kind.getKey(),
                r.p50(),
                kind.getKey(),
                r.p99(),
                kind.getKey(),
                r.failed()));
      }
      json.append("}");
      Path out =
          Path.of(
              "target", "benchmark", "intake-" + db + (durable ? "" : "-not-durable") + ".json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, json + "\n");
      System.out.println("  written to " + out);
    }
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
