package org.gongkai.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/gongkai-*.jar}) started as a separate process, as an operator
 * runs it: for the crash tests, which kill it, and for the benchmark harnesses.
 */
public final class PackagedApp implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "packaged-admin-password";

  private final Path dataDir;
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx768m"));
  private final List<Path> addOns = new ArrayList<>();
  private final int port;
  private Process process;
  private int starts;

  public PackagedApp(Path dataDir) {
    this.dataDir = dataDir;
    this.port = freePort();
    settings.put("gongkai.data-dir", dataDir.toString());
    settings.put("server.port", String.valueOf(port));
    settings.put("logging.file.name", "");
    // The harnesses script the staff API as the admin, who has no phone to read a code from.
    settings.put("gongkai.security.second-factor.required-roles", "");
    // A proof of work the harnesses solve in a millisecond; production asks about half a second.
    settings.put("gongkai.challenge.max-number", "2000");
  }

  public PackagedApp set(String name, String value) {
    settings.put(name, value);
    return this;
  }

  public PackagedApp jvm(String option) {
    jvmOptions.add(option);
    return this;
  }

  /**
   * The JIT's first tier only ({@link #QUICK_JIT}): for the tests, which start the jar many times
   * and measure no speed. On 2 cores a start takes a quarter less time and half the CPU.
   */
  public PackagedApp quickJit() {
    return jvm(QUICK_JIT);
  }

  public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

  /**
   * Started ahead of time ({@code -Dspring.aot.enabled=true}): with the bean definitions the
   * build's processing generated, as docs/operations.md starts a node whose settings agree with the
   * build's.
   */
  public PackagedApp aheadOfTime() {
    return jvm("-Dspring.aot.enabled=true");
  }

  /**
   * Puts add-on folders ({@code target/addons/opensearch}, {@code target/addons/s3}) on the class
   * path as docs/operations.md does: after the extracted jar with {@code -cp}, or for the plain jar
   * with {@code -Dloader.path}.
   */
  public PackagedApp addOns(Path... folders) {
    addOns.addAll(List.of(folders));
    return this;
  }

  public PackagedApp onPostgres(String url) {
    set("spring.datasource.url", url);
    set("spring.datasource.username", PostgresTestDatabase.user());
    set("spring.datasource.password", PostgresTestDatabase.password());
    return this;
  }

  public int port() {
    return port;
  }

  public String base() {
    return "http://localhost:" + port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Starts the jar and returns once it answers {@code /actuator/health} with 200. */
  public PackagedApp start(Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(withAddOns(launch()));
    settings.forEach((k, v) -> command.add("--" + k + "=" + v));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    builder.environment().put("GONGKAI_ADMIN_PASSWORD", ADMIN_PASSWORD);
    try {
      Files.createDirectories(dataDir);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    starts++;
    awaitHealthy(timeout);
    return this;
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "the application did not become healthy in " + timeout + ":\n" + logTail());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: a graceful shutdown. */
  public void stop() {
    process.destroy();
    waitFor();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public int starts() {
    return starts;
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Path logFile() {
    return dataDir.resolveSibling(dataDir.getFileName() + "-app.log");
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (isAlive()) {
      kill();
    }
  }

  /**
   * How the jar is launched: extracted with a class data sharing archive, the way
   * docs/operations.md runs it in production, made once per build (it halves the CPU each of the
   * many starts of the crash and restore drills takes); the plain jar if that cannot be made. The
   * test classes run in several JVMs at once: a file lock lets one make it while the others wait.
   */
  private static synchronized List<String> launch() {
    Path jar = jar();
    Path folder = Path.of("target", "packaged-app");
    Path extracted = folder.resolve(jar.getFileName());
    Path archive = folder.resolve("gongkai.jsa");
    try (FileChannel channel =
            FileChannel.open(
                Path.of("target", "packaged-app.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock made = channel.lock()) {
      if (!Files.exists(archive)
          || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
        deleteRecursively(folder);
        Path training = Files.createTempDirectory("gongkai-cds-training");
        try {
          run(
              "-Djarmode=tools",
              "-jar",
              jar.toString(),
              "extract",
              "--destination",
              folder.toString());
          run(
              "-Xmx768m",
              "-XX:ArchiveClassesAtExit=" + archive,
              "-Dspring.context.exit=onRefresh",
              "-jar",
              extracted.toString(),
              "--gongkai.data-dir=" + training.resolve("data"),
              "--gongkai.privacy.key-file=" + training.resolve("keys").resolve("privacy.keys"),
              "--gongkai.demo=false",
              "--server.port=0",
              "--logging.file.name=");
        } finally {
          deleteRecursively(training);
        }
      }
      if (Files.exists(archive) && Files.exists(extracted)) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
      }
    } catch (IOException | IllegalStateException e) {
      System.err.println("packaged app: starting the plain jar (" + e.getMessage() + ")");
    }
    return List.of("-jar", jar.toString());
  }

  private List<String> withAddOns(List<String> launch) {
    if (addOns.isEmpty()) {
      return launch;
    }
    int jarAt = launch.indexOf("-jar");
    Path archive = Path.of(launch.get(jarAt + 1));
    List<String> command = new ArrayList<>(launch.subList(0, jarAt));
    if (archive.equals(jar())) {
      command.add(
          "-Dloader.path=" + String.join(",", addOns.stream().map(Path::toString).toList()));
      command.addAll(List.of("-jar", archive.toString()));
    } else {
      List<String> classPath = new ArrayList<>(List.of(archive.toString()));
      addOns.forEach(folder -> classPath.add(folder.resolve("*").toString()));
      command.addAll(
          List.of(
              "-cp", String.join(File.pathSeparator, classPath), "org.gongkai.GongkaiApplication"));
    }
    return command;
  }

  private static void run(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile("gongkai-packaged-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(String.join(" ", command) + " took over 5 minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited with " + process.exitValue() + ", see " + log);
      }
      Files.delete(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The jar {@code mvn package} built. */
  public static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("gongkai-[0-9].*\\.jar"))
          .filter(p -> !p.getFileName().toString().contains("-sources"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no packaged jar in target/: run mvn package first"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
