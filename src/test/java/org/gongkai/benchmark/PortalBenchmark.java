package org.gongkai.benchmark;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.support.HttpLoad;
import org.gongkai.support.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * The portal harness, not a test (not part of {@code mvn verify}): it starts the packaged jar with
 * the demo and loads the public pages a crowd opens (home, an agency's catalog, a column with
 * filters, a document, an Atom feed, the sitemap, the stylesheet) from 32 keep-alive connections on
 * loopback, with wrk when it is installed and the Java load generator otherwise. When nginx is
 * installed it serves the very same bytes as files in the same run, and each ratio is printed. It
 * then restarts the jar with the page cache switched off and measures the document page again. The
 * demo runs four sites on one installation: the first site's pages are asked for as {@code
 * localhost}, and a department site's home page, document page and sitemap by its own host name
 * ({@code -Dbenchmark.second-host}, the commerce bureau's by default), so that both sites share the
 * page cache and the JVM while they are measured. Every page is loaded twice over before anything
 * is measured, so that the JIT compiler is done. Requests carry a browser's user agent, so that
 * every page view is counted by the platform's visit counting as a visitor's would be. Writes
 * {@code target/benchmark/portal.json}.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * mvn -B test -Djacoco.skip=true -Dtest=PortalBenchmark
 * </pre>
 */
class PortalBenchmark {

  private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 32);
  private static final Duration PHASE =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15));
  private static final Duration WARM_UP =
      Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 5));
  private static final int NGINX_PORT = 18_081;
  private static final String SECOND_HOST =
      System.getProperty("benchmark.second-host", "swj.linjiang.localhost");

  static {
    // The second site is chosen by the Host header, which the JDK's client sets only when allowed.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
  }

  @Test
  void measuresThePublicSiteAgainstNginx() throws Exception {
    Path data = Files.createTempDirectory("gongkai-portal-bench").resolve("data");
    Load load = Load.available();
    Map<String, Figures> gongkai = new LinkedHashMap<>();
    Map<String, Figures> nginx = new LinkedHashMap<>();
    Map<String, String> pages;
    Figures uncachedDocument;
    try (PackagedApp app = new PackagedApp(data)) {
      app.jvm("-Xmx1g").start(Duration.ofMinutes(3));
      pages = pages(app.base());
      Map<String, String> secondSite = secondSitePages(app.base());
      // nginx's workers run as an unprivileged user: the folder and its files must be readable by
      // all.
      Path root =
          Files.createTempDirectory(
              "gongkai-portal-nginx",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Map<String, String> files = new LinkedHashMap<>();
      for (var page : pages.entrySet()) {
        files.put(page.getKey(), copy(app.base() + page.getValue(), null, root, page.getKey()));
      }
      for (var page : secondSite.entrySet()) {
        files.put(
            page.getKey(), copy(app.base() + page.getValue(), SECOND_HOST, root, page.getKey()));
      }
      System.out.printf(
          "%nPortal on the embedded default, %d connections, %s, %d s phases after %d s warm-up%n",
          CONNECTIONS, load.name(), PHASE.toSeconds(), WARM_UP.toSeconds());
      warmUp(load, app.port(), pages.values());
      for (int round = 0; round < 2; round++) {
        for (String path : secondSite.values()) {
          load.measure(SECOND_HOST, app.port(), path);
        }
      }
      for (var page : pages.entrySet()) {
        gongkai.put(page.getKey(), load.measure("localhost", app.port(), page.getValue()));
      }
      for (var page : secondSite.entrySet()) {
        gongkai.put(page.getKey(), load.measure(SECOND_HOST, app.port(), page.getValue()));
      }
      try (Nginx server = Nginx.serve(root)) {
        if (server != null) {
          for (var page : files.keySet()) {
            nginx.put(page, load.measure("localhost", NGINX_PORT, "/" + files.get(page)));
          }
        }
      }
      pages = new LinkedHashMap<>(pages);
      for (var page : secondSite.entrySet()) {
        pages.put(page.getKey(), "//" + SECOND_HOST + page.getValue());
      }
    }
    try (PackagedApp app = new PackagedApp(data)) {
      app.jvm("-Xmx1g").set("gongkai.page-cache.enabled", "false").start(Duration.ofMinutes(3));
      warmUp(
          load,
          app.port(),
          List.of(pages.get("document"), pages.get("document"), pages.get("document")));
      uncachedDocument = load.measure("localhost", app.port(), pages.get("document"));
    }
    report(load, pages, gongkai, nginx, uncachedDocument);
  }

  /**
   * A fresh JVM compiles the hot paths for half a minute and more: each page is loaded twice before
   * any is measured.
   */
  static void warmUp(Load load, int port, Collection<String> paths) throws Exception {
    for (int round = 0; round < 2; round++) {
      for (String path : paths) {
        load.measure("localhost", port, path);
      }
    }
  }

  /**
   * The pages measured, found in the demo: the first agency with documents, its first column, one
   * document.
   */
  static Map<String, String> pages(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Map<String, Object>> docs =
        JsonPath.read(get(http, base + "/api/v1/documents?size=1"), "$.items");
    Map<String, Object> doc = docs.get(0);
    String agency = (String) doc.get("agency");
    List<Object> columns =
        JsonPath.read(
            get(http, base + "/api/v1/agencies/" + agency + "/columns"),
            "$[?(@.name == '" + doc.get("column") + "')].id");
    Object column = columns.get(0);
    String home = get(http, base + "/");
    Matcher css = Pattern.compile("href=\"(/css/site-[0-9a-f]+\\.css)\"").matcher(home);
    if (!css.find()) {
      throw new IllegalStateException("no fingerprinted stylesheet on the home page");
    }
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("agency", "/agencies/" + agency);
    pages.put(
        "column", "/agencies/" + agency + "?column=" + column + "&year=" + Year.now().getValue());
    pages.put("document", "/documents/" + doc.get("id"));
    pages.put("feed", "/agencies/" + agency + "/feed.atom");
    pages.put("sitemap", "/sitemap.xml");
    pages.put("stylesheet", css.group(1));
    return pages;
  }

  /**
   * The second site's pages: its home page, the newest document its own API lists (a document of
   * the site's agency, so that this site is its canonical home) and its sitemap.
   */
  static Map<String, String> secondSitePages(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Object> ids =
        JsonPath.read(get(http, base + "/api/v1/documents?size=1", SECOND_HOST), "$.items[*].id");
    if (ids.isEmpty()) {
      throw new IllegalStateException(SECOND_HOST + " lists no document");
    }
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("site2 home", "/");
    pages.put("site2 doc", "/documents/" + ids.get(0));
    pages.put("site2 sitemap", "/sitemap.xml");
    return pages;
  }

  private static String copy(String url, String host, Path root, String name)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (host != null) {
      request.header("Host", host);
    }
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " (" + host + ") answered " + response.statusCode());
    }
    String file = name.replace(' ', '-') + ".bin";
    Files.write(root.resolve(file), response.body());
    return file;
  }

  private static void report(
      Load load,
      Map<String, String> pages,
      Map<String, Figures> gongkai,
      Map<String, Figures> nginx,
      Figures uncached)
      throws IOException {
    StringBuilder json =
        new StringBuilder(
            "{\"connections\":"
                + CONNECTIONS
                + ",\"seconds\":"
                + PHASE.toSeconds()
                + ",\"load\":\""
                + load.name()
                + "\",\"pages\":{");
    System.out.printf(
        "%n  %-13s %-46s %12s %9s %9s %12s %8s%n",
        "page", "path", "requests/s", "p50 ms", "p99 ms", "nginx req/s", "ratio");
    List<String> entries = new ArrayList<>();
    for (var page : gongkai.entrySet()) {
      Figures g = page.getValue();
      Figures n = nginx.get(page.getKey());
      double ratio = n == null ? Double.NaN : g.perSecond() / n.perSecond();
      System.out.printf(
          Locale.ROOT,
          "  %-13s %-46s %,12.0f %9.2f %9.2f %12s %8s%n",
          page.getKey(),
          pages.get(page.getKey()),
          g.perSecond(),
          g.p50(),
          g.p99(),
          n == null ? "-" : String.format(Locale.ROOT, "%,.0f", n.perSecond()),
          n == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio));
      entries.add(
          String.format(
              Locale.ROOT,
              "\"%s\":{\"path\":%s,\"per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f%s}",
              page.getKey(),
              quote(pages.get(page.getKey())),
              g.perSecond(),
              g.p50(),
              g.p99(),
              n == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      ",\"nginx_per_s\":%.1f,\"nginx_p99_ms\":%.2f,\"ratio\":%.3f",
                      n.perSecond(),
                      n.p99(),
                      ratio)));
    }
    json.append(String.join(",", entries)).append("},");
    json.append(
        String.format(
            Locale.ROOT,
            "\"document_without_page_cache\":{\"per_s\":%.1f,\"p50_ms\":%.2f,"
                + "\"p99_ms\":%.2f}}",
            uncached.perSecond(),
            uncached.p50(),
            uncached.p99()));
    System.out.printf(
        Locale.ROOT,
        "  %-13s %-46s %,12.0f %9.2f %9.2f%n",
        "document",
        "(page cache off)",
        uncached.perSecond(),
        uncached.p50(),
        uncached.p99());
    Path out = Path.of("target", "benchmark", "portal.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json + "\n");
    System.out.println("  written to " + out);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    return get(http, url, null);
  }

  private static String get(HttpClient http, String url, String host)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (host != null) {
      request.header("Host", host);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  record Figures(double perSecond, double p50, double p99) {}

  /** wrk when it is on the path, the Java generator otherwise; both warm up before they measure. */
  interface Load {

    String name();

    /** Loads {@code path} on loopback, asking for the site named {@code host}. */
    Figures measure(String host, int port, String path) throws Exception;

    static Load available() {
      return Wrk.installed() ? new Wrk() : new JavaLoad();
    }
  }

  static final class JavaLoad implements Load {

    @Override
    public String name() {
      return "the Java load generator";
    }

    @Override
    public Figures measure(String host, int port, String path) {
      byte[] request = HttpLoad.get(host + ":" + port, path);
      HttpLoad.run("localhost", port, CONNECTIONS, WARM_UP, (c, n) -> request);
      HttpLoad.Result r = HttpLoad.run("localhost", port, CONNECTIONS, PHASE, (c, n) -> request);
      if (r.failed() > 0) {
        throw new IllegalStateException(path + ": " + r);
      }
      return new Figures(r.perSecond(), r.p50(), r.p99());
    }
  }

  static final class Wrk implements Load {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE =
        Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    static boolean installed() {
      try {
        return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor()
            >= 0;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }

    @Override
    public String name() {
      return "wrk (2 threads)";
    }

    @Override
    public Figures measure(String host, int port, String path) throws Exception {
      String url = "http://localhost:" + port + path;
      String hostHeader = host + ":" + port;
      run(url, hostHeader, WARM_UP);
      String out = run(url, hostHeader, PHASE);
      Matcher errors = ERRORS.matcher(out);
      if (errors.find()) {
        throw new IllegalStateException(url + ": " + errors.group());
      }
      Matcher rate = RATE.matcher(out);
      if (!rate.find()) {
        throw new IllegalStateException("wrk printed no rate:\n" + out);
      }
      Map<String, Double> percentiles = new LinkedHashMap<>();
      Matcher p = PERCENTILE.matcher(out);
      while (p.find()) {
        double value = Double.parseDouble(p.group(2));
        percentiles.put(
            p.group(1),
            switch (p.group(3)) {
              case "us" -> value / 1000;
              case "s" -> value * 1000;
              default -> value;
            });
      }
      return new Figures(
          Double.parseDouble(rate.group(1)), percentiles.get("50"), percentiles.get("99"));
    }

    private static String run(String url, String host, Duration duration)
        throws IOException, InterruptedException {
      Process wrk =
          new ProcessBuilder(
                  "wrk",
                  "-t2",
                  "-c" + CONNECTIONS,
                  "-d" + duration.toSeconds() + "s",
                  "--latency",
                  "-H",
                  "Host: " + host,
                  "-H",
                  "User-Agent: " + HttpLoad.BROWSER,
                  url)
              .redirectErrorStream(true)
              .start();
      String out = new String(wrk.getInputStream().readAllBytes());
      wrk.waitFor();
      return out;
    }
  }

  /**
   * nginx on a port of its own, serving a folder or proxying, with a configuration written for the
   * run.
   */
  static final class Nginx implements AutoCloseable {

    private final Process process;

    private Nginx(Process process) {
      this.process = process;
    }

    static Nginx serve(Path root) throws IOException, InterruptedException {
      return start(NGINX_PORT, "", "root " + root + ";");
    }

    /**
     * nginx in front of the nodes (round robin, keep-alive connections to each), as a production
     * set-up balances them; null when nginx is not installed.
     */
    static Nginx balance(int port, List<Integer> nodes) throws IOException, InterruptedException {
      StringBuilder upstream = new StringBuilder("upstream gongkai {\n");
      nodes.forEach(n -> upstream.append("  server 127.0.0.1:").append(n).append(";\n"));
      upstream.append("  keepalive 64;\n}\n");
      return start(
          port,
          upstream.toString(),
          """
          location / {
            proxy_pass http://gongkai;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
          }""");
    }

    private static Nginx start(int port, String httpBlock, String serverBlock)
        throws IOException, InterruptedException {
      Path binary = Path.of("/usr/sbin/nginx");
      if (!Files.isExecutable(binary)) {
        System.out.println("  nginx is not installed: no comparison");
        return null;
      }
      Path prefix = Files.createTempDirectory("gongkai-nginx");
      Files.createDirectories(prefix.resolve("logs"));
      Path conf = prefix.resolve("nginx.conf");
      Files.writeString(
          conf,
          """
          daemon off;
          worker_processes auto;
          pid %1$s/nginx.pid;
          error_log %1$s/logs/error.log;
          events { worker_connections 1024; }
          http {
            access_log off;
            sendfile on;
            tcp_nopush on;
            keepalive_requests 1000000;
            types { }
            default_type application/octet-stream;
            %3$s
            server {
              listen 127.0.0.1:%2$d;
              %4$s
            }
          }
          """
              .formatted(prefix, port, httpBlock, serverBlock));
      Process process =
          new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(prefix.resolve("logs/stdout").toFile())
              .start();
      for (int i = 0; i < 50; i++) {
        try (var socket = new Socket("127.0.0.1", port)) {
          return new Nginx(process);
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException(
          "nginx did not start: " + Files.readString(prefix.resolve("logs/stdout")));
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }
}
