package org.gongkai.webarchive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxRecord;

/**
 * Reads a web archive back as an archivist's tools would: every record's block and payload digest
 * computed again, each file opening with its warcinfo, each response beside its request, every CDX
 * line leading to its record, the manifest's checksums matching the files.
 */
final class WarcReadBack {

  /** A response as read back. */
  record Capture(int status, String contentType, byte[] payload) {}

  private WarcReadBack() {}

  /** The responses of the WARC files in {@code folder} by target URI, each checked. */
  static Map<String, Capture> read(Path folder, String prefix) throws Exception {
    Map<String, Capture> captures = new LinkedHashMap<>();
    List<Path> warcs = new ArrayList<>();
    try (var files = Files.list(folder)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".warc.gz"))
          .sorted()
          .forEach(warcs::add);
    }
    assertThat(warcs).isNotEmpty();
    for (Path warc : warcs) {
      Set<String> requests = new HashSet<>();
      Set<String> responses = new HashSet<>();
      try (WarcReader reader = new WarcReader(warc)) {
        reader.calculateBlockDigest();
        boolean first = true;
        for (WarcRecord record : reader) {
          assertThat(record.version().toString()).isEqualTo("WARC/1.1");
          if (first) {
            assertThat(record).isInstanceOf(Warcinfo.class);
            assertThat(((Warcinfo) record).filename()).contains(warc.getFileName().toString());
            first = false;
            continue;
          }
          assertThat(record.blockDigest()).as("block digest of %s", record).isPresent();
          if (record instanceof WarcResponse response) {
            var http = response.http();
            byte[] payload;
            try (InputStream in = http.body().stream()) {
              payload = in.readAllBytes();
            }
            WarcDigest expected = response.payloadDigest().orElseThrow();
            MessageDigest digest = expected.getDigester();
            assertThat(new WarcDigest(expected.algorithm(), digest.digest(payload)))
                .as("payload digest of %s", response.target())
                .isEqualTo(expected);
            assertThat(response.concurrentTo()).hasSize(1);
            responses.add(response.concurrentTo().get(0).toString());
            captures.put(
                response.target(),
                new Capture(http.status(), http.contentType().toString(), payload));
          } else if (record instanceof WarcRequest request) {
            requests.add(request.id().toString());
            assertThat(request.http().method()).isEqualTo("GET");
          }
          assertThat(record.calculatedBlockDigest())
              .as("block digest of %s", record)
              .isEqualTo(record.blockDigest());
        }
      }
      assertThat(requests).as("a request for each response").isEqualTo(responses);
    }
    checkIndex(folder, prefix, captures.size());
    checkManifest(folder, prefix);
    return captures;
  }

  private static void checkIndex(Path folder, String prefix, int responses) throws IOException {
    List<String> lines = Files.readAllLines(folder.resolve(prefix + ".cdx"));
    assertThat(lines.get(0)).isEqualTo(CdxFormat.CDX11_LEGEND);
    List<String> entries = lines.subList(1, lines.size());
    assertThat(entries).hasSize(responses);
    assertThat(entries).isSorted();
    for (String line : entries) {
      CdxRecord cdx = CdxFormat.CDX11.parse(line);
      try (WarcReader reader = new WarcReader(folder.resolve(cdx.filename()))) {
        reader.position(cdx.position());
        WarcRecord record = reader.next().orElseThrow();
        assertThat(record).isInstanceOf(WarcResponse.class);
        WarcResponse response = (WarcResponse) record;
        assertThat(response.target()).isEqualTo(cdx.target());
        assertThat(response.http().status()).isEqualTo(cdx.status());
        assertThat(reader.next()).as("the request follows its response").isPresent();
        assertThat(reader.position() - cdx.position())
            .as("the CDX length of %s", cdx.target())
            .isEqualTo(cdx.size());
      }
    }
  }

  private static void checkManifest(Path folder, String prefix) throws Exception {
    String manifest = Files.readString(folder.resolve(prefix + "-manifest.json"));
    List<Path> listed = new ArrayList<>();
    try (var files = Files.list(folder)) {
      files
          .filter(p -> !p.getFileName().toString().endsWith("-manifest.json"))
          .forEach(listed::add);
    }
    for (Path file : listed) {
      String sha =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      assertThat(manifest)
          .as("the manifest names %s", file.getFileName())
          .contains(
              "\"name\":\"" + file.getFileName() + "\"",
              "\"size\":" + Files.size(file),
              "\"sha256\":\"" + sha + "\"");
    }
  }

  /**
   * jwarc's own validator ({@code jwarc validate}) over every WARC file, in a process of its own as
   * an archivist would run it: each record's syntax, digests and HTTP message.
   */
  static void validateWithJwarc(Path folder) throws Exception {
    String jar =
        Path.of(WarcReader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(java, "-cp", jar, "org.netpreserve.jwarc.tools.WarcTool", "validate", "-v"));
    try (var files = Files.list(folder)) {
      files
          .filter(p -> p.toString().endsWith(".warc.gz"))
          .sorted()
          .forEach(p -> command.add(p.toString()));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(Capture capture) {
    return new String(capture.payload(), StandardCharsets.UTF_8);
  }
}
