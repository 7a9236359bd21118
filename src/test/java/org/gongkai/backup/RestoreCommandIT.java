package org.gongkai.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gongkai.support.PackagedApp;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The operator's drill, on the packaged jar: back up the running demo, restore the archive with
 * {@code java -jar gongkai.jar restore} into an empty folder and into an empty PostgreSQL database,
 * start on the restored data and find the same catalog, search index rebuilt.
 */
class RestoreCommandIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void restoresABackupOfTheRunningPlatformIntoAnEmptyFolderAndAnEmptyPostgresDatabase()
      throws Exception {
    Path root = Files.createTempDirectory("gongkai-restore");
    Path archive = root.resolve("backup.zip");
    long documents;
    try (PackagedApp original = new PackagedApp(root.resolve("original")).quickJit()) {
      original.start(Duration.ofMinutes(3));
      documents = total(original);
      HttpResponse<String> created = post(original, "/api/v1/admin/backups");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String name = JsonPath.read(created.body(), "$.name");
      HttpResponse<Path> download =
          http.send(
              staff(original, "/api/v1/admin/backups/" + name).GET().build(),
              HttpResponse.BodyHandlers.ofFile(archive));
      assertThat(download.statusCode()).isEqualTo(200);
      original.stop();
    }
    assertThat(documents).isGreaterThan(100);

    Path restored = root.resolve("restored");
    Command first = restore(archive, "--gongkai.data-dir=" + restored);
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("Restored");
    Command again = restore(archive, "--gongkai.data-dir=" + restored);
    assertThat(again.exit()).as(again.output()).isEqualTo(2);
    assertThat(again.output()).contains("not empty", "Nothing was changed");

    try (PackagedApp app = new PackagedApp(restored).quickJit()) {
      app.start(Duration.ofMinutes(3));
      assertThat(awaitIndexed(app, documents))
          .as("the index is rebuilt from the restored database")
          .isEqualTo(documents);
      assertThat(post(app, "/api/v1/admin/backups").statusCode())
          .as("the admin's password came back with the accounts")
          .isEqualTo(201);
    }

    String url = PostgresTestDatabase.fresh();
    Command onPostgres =
        restore(
            archive,
            "--gongkai.data-dir=" + root.resolve("restored-pg"),
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresTestDatabase.user(),
            "--spring.datasource.password=" + PostgresTestDatabase.password());
    assertThat(onPostgres.exit()).as(onPostgres.output()).isZero();
    try (PackagedApp app =
        new PackagedApp(root.resolve("restored-pg")).onPostgres(url).quickJit()) {
      app.start(Duration.ofMinutes(3));
      assertThat(awaitIndexed(app, documents)).isEqualTo(documents);
    }
  }

  record Command(int exit, String output) {}

  private static Command restore(Path archive, String... options)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en",
                PackagedApp.QUICK_JIT,
                "-jar",
                PackagedApp.jar().toString(),
                "restore",
                archive.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Command(process.exitValue(), output);
  }

  private long total(PackagedApp app) throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/documents?size=1")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return ((Number) JsonPath.read(body, "$.total")).longValue();
  }

  /**
   * The number of documents the search index holds once it has caught up with {@code expected}, or
   * what it holds at the deadline.
   */
  private long awaitIndexed(PackagedApp app, long expected)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    long found = -1;
    while (System.nanoTime() < deadline && found != expected) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/search")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        found = ((Number) JsonPath.read(r.body(), "$.total")).longValue();
      }
      if (found != expected) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
      }
    }
    return found;
  }

  private HttpResponse<String> post(PackagedApp app, String path)
      throws IOException, InterruptedException {
    return http.send(
        staff(app, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder staff(PackagedApp app, String path) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + PackagedApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(app.base() + path))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Basic " + basic);
  }
}
