package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.gongkai.support.Challenges;
import org.gongkai.support.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * The jar a single node runs holds neither the OpenSearch nor the S3 client, stays under 90 MB and
 * starts without them; a cluster adds their folders and the same jar finds them.
 */
class LeanJarIT {

  private static final long LIMIT = 90_000_000;
  private static final Path OPENSEARCH = Path.of("target", "addons", "opensearch");
  private static final Path S3 = Path.of("target", "addons", "s3");

  @Test
  void theJarStaysUnder90MegabytesWithTheClientsAsAddOnsBesideIt() throws Exception {
    Path jar = PackagedApp.jar();
    assertThat(Files.size(jar)).as("size of " + jar).isLessThan(LIMIT);
    List<String> libraries;
    try (JarFile file = new JarFile(jar.toFile())) {
      libraries =
          file.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith("BOOT-INF/lib/"))
              .map(n -> n.substring("BOOT-INF/lib/".length()))
              .toList();
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .as("loader.path needs the PropertiesLauncher")
          .endsWith(".PropertiesLauncher");
    }
    assertThat(libraries).isNotEmpty();
    assertThat(libraries)
        .noneMatch(n -> n.startsWith("opensearch-java-") || n.startsWith("parsson-"))
        .noneMatch(n -> n.startsWith("s3-") || n.startsWith("sdk-core-"));
    assertThat(names(OPENSEARCH)).anyMatch(n -> n.startsWith("opensearch-java-"));
    assertThat(names(S3))
        .anyMatch(n -> n.startsWith("s3-"))
        .anyMatch(n -> n.startsWith("url-connection-client-"));
  }

  @Test
  void theJarStartsWithoutTheAddOnsAndRefusesAClientWhoseFolderIsMissing() throws Exception {
    Path root = Files.createTempDirectory("gongkai-lean");
    try (PackagedApp app = lean(root.resolve("plain"))) {
      app.start(Duration.ofMinutes(3));
      assertThat(get(app, "/").statusCode()).isEqualTo(200);
    }
    try (PackagedApp app =
        lean(root.resolve("no-addon")).set("gongkai.search.engine", "opensearch")) {
      assertThatThrownBy(() -> app.start(Duration.ofMinutes(3)))
          .hasMessageContaining("gongkai.search.engine=opensearch needs the OpenSearch add-on")
          .hasMessageContaining("-Dloader.path=addons/opensearch");
    }
  }

  /**
   * The start docs/operations.md gives a node with the build's settings: the demo made through the
   * generated bean definitions is served and found, mail set at start (not in the build) is sent; a
   * setting that would choose another bean stops the start instead of leaving the bean out.
   */
  @Test
  void startedAheadOfTimeItServesTheDemoAndRefusesASettingThatChoosesOtherBeans() throws Exception {
    Path root = Files.createTempDirectory("gongkai-aot");
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try (PackagedApp app =
        new PackagedApp(root.resolve("aot"))
            .quickJit()
            .aheadOfTime()
            .set("spring.mail.host", "127.0.0.1")
            .set("spring.mail.port", String.valueOf(mail.getSmtp().getPort()))) {
      app.start(Duration.ofMinutes(3));
      HttpResponse<String> subscribed =
          post(app, "/api/v1/subscriptions", "{\"email\":\"reader@example.com\",\"query\":\"通知\"}");
      assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
      assertThat(mail.waitForIncomingEmail(30_000, 1)).as("the confirmation mail").isTrue();
      assertThat(Files.readString(app.logFile())).contains("Starting AOT-processed");
      assertThat(get(app, "/").body()).contains("临江市人民政府");
      // The index takes the demo's documents in behind its creation.
      String search = "/search?q=" + URLEncoder.encode("通知", StandardCharsets.UTF_8);
      awaitLog(app, "demo content created");
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!get(app, search).body().contains("/documents/")) {
        assertThat(System.nanoTime()).as("a demo document is found").isLessThan(deadline);
        Thread.sleep(250);
      }
    } finally {
      mail.stop();
    }
    try (PackagedApp app =
        lean(root.resolve("sessions")).aheadOfTime().set("gongkai.cluster.sessions", "database")) {
      assertThatThrownBy(() -> app.start(Duration.ofMinutes(3)))
          .hasMessageContaining(
              "gongkai.cluster.sessions (\"database\" here, \"memory\" in the build)")
          .hasMessageContaining("Start without -Dspring.aot.enabled=true");
    }
  }

  private static void awaitLog(PackagedApp app, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Files.readString(app.logFile()).contains(line)) {
      assertThat(System.nanoTime()).as(line + " within 2 minutes").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  @Test
  void withTheAddOnsOnTheClassPathTheClientsAreFound() throws Exception {
    Path root = Files.createTempDirectory("gongkai-addons");
    // Nothing listens on port 1: the client is loaded, connects and is refused.
    try (PackagedApp app =
        lean(root.resolve("cluster"))
            .addOns(OPENSEARCH, S3)
            .set("gongkai.search.engine", "opensearch")
            .set("gongkai.search.opensearch.hosts", "http://127.0.0.1:1")
            .set("gongkai.files.store", "s3")
            .set("gongkai.files.s3.bucket", "files")
            .set("gongkai.files.s3.endpoint", "http://127.0.0.1:1")
            .set("gongkai.files.s3.access-key", "key")
            .set("gongkai.files.s3.secret-key", "secret")) {
      app.start(Duration.ofMinutes(3));
      assertThat(Files.readString(app.logFile()))
          .doesNotContain("add-on, which is not on the class path")
          .contains("Connect to http://127.0.0.1:1");
    }
  }

  private static PackagedApp lean(Path data) {
    return new PackagedApp(data).set("gongkai.demo", "false").quickJit();
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static HttpResponse<String> post(PackagedApp app, String path, String json)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(app.base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Challenges.with(app.base(), json)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(PackagedApp app, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(app.base() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
