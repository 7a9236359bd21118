package org.gongkai.webarchive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcFilesTests {

  @TempDir Path work;
  @TempDir Path kept;

  private HttpServer server;
  private final byte[] attachment = new byte[300_000];

  @BeforeEach
  void serve() throws IOException {
    new Random(7).nextBytes(attachment);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().toString();
          byte[] body;
          String type;
          int status = 200;
          if (path.startsWith("/files/")) {
            body = attachment;
            type = "application/pdf";
          } else if (path.equals("/missing")) {
            body = "gone".getBytes(StandardCharsets.UTF_8);
            type = "text/plain";
            status = 404;
          } else {
            body =
                ("<html><body>页面 "
                        + path
                        + " host "
                        + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                        + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            type = "text/html;charset=UTF-8";
          }
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void exchangesReadBackWithTheirDigestsIndexAndManifestAcrossRotatedFiles() throws Exception {
    HttpCapture capture =
        new HttpCapture(
            server.getAddress().getPort(),
            Map.of("X-Forwarded-Host", "www.example.gov.cn"),
            Duration.ofSeconds(10),
            10_000_000);
    WarcFiles files =
        new WarcFiles(
            "site-1-2025",
            200_000,
            Map.of("software", List.of("Gongkai")),
            () -> Files.createTempFile(work, "warc-", ".tmp"),
            (name, type, file) -> {
              String sha = WarcReadBack.sha256(file);
              long size = Files.size(file);
              Files.move(file, kept.resolve(name), StandardCopyOption.REPLACE_EXISTING);
              return new WarcFiles.Kept(name, type, sha, size);
            });
    List<String> addresses =
        List.of("/", "/documents/1", "/files/a.pdf", "/agencies/X?column=3&page=2", "/missing");
    for (String address : addresses) {
      files.write(
          capture.fetch(address, Instant.parse("2026-01-03T02:30:00Z")),
          WarcFiles.target("https://www.example.gov.cn", address));
    }
    List<WarcFiles.Kept> all =
        files.finish(
            k ->
                new ArchiveManifest(
                        ArchiveManifest.FORMAT,
                        1,
                        "site",
                        "https://www.example.gov.cn",
                        2025,
                        Instant.EPOCH,
                        addresses.size(),
                        ArchiveManifest.files(k))
                    .json());

    assertThat(all.stream().map(WarcFiles.Kept::name))
        .as("rotated past 200 kB after the attachment")
        .contains("site-1-2025-00000.warc.gz", "site-1-2025-00001.warc.gz")
        .contains("site-1-2025.cdx", "site-1-2025-manifest.json");
    Map<String, WarcReadBack.Capture> read = WarcReadBack.read(kept, "site-1-2025");
    WarcReadBack.validateWithJwarc(kept);
    assertThat(read.keySet())
        .containsExactlyInAnyOrder(
            addresses.stream().map(a -> "https://www.example.gov.cn" + a).toArray(String[]::new));
    assertThat(read.get("https://www.example.gov.cn/files/a.pdf").payload()).isEqualTo(attachment);
    assertThat(WarcReadBack.text(read.get("https://www.example.gov.cn/documents/1")))
        .contains("页面 /documents/1 host www.example.gov.cn");
    assertThat(read.get("https://www.example.gov.cn/missing").status()).isEqualTo(404);
  }
}
