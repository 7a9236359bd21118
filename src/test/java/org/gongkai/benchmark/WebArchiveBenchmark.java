package org.gongkai.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.OnPostgres;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web archive harness, not a test (not part of {@code mvn verify}): one site with many
 * published documents (every twentieth with a 200 kB attachment), archived for this year; measures
 * the archive's run from its start to its end, as addresses recorded per second and WARC megabytes
 * written per second. Writes {@code target/benchmark/web-archive-<db>.json}.
 *
 * <pre>
 * mvn -B test -Djacoco.skip=true -Dtest=WebArchiveBenchmark -Dbenchmark.documents=2000
 * mvn -B test -Djacoco.skip=true -Dtest=WebArchiveBenchmark -Dbenchmark.db=postgres
 * </pre>
 */
class WebArchiveBenchmark extends PlatformIntegrationTests {

  private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 2000);
  private static final String DB = System.getProperty("benchmark.db", "h2");
  private static final String ARCHIVES = "/api/v1/admin/web-archives";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("gongkai.web-archive.poll-interval", () -> "PT1S");
    if (DB.equals("postgres")) {
      OnPostgres.register(registry);
    }
  }

  @Test
  void warcWritingSpeed() throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = "bench-archive-" + suffix + ".localhost";
    long site = newSite("归档基准网站" + suffix, host, f, "DEPARTMENT");
    byte[] pdf = new byte[200_000];
    new Random(1).nextBytes(pdf);
    byte[] head = "%PDF-1.4\n".getBytes();
    System.arraycopy(head, 0, pdf, 0, head.length);
    long seedStart = System.nanoTime();
    for (int i = 0; i < DOCUMENTS; i++) {
      DocumentForm form = new DocumentForm();
      form.setAgency(f.agency().code());
      form.setColumn(f.policies().id());
      form.setTitle("网页归档基准文件第" + i + "号");
      form.setBody("<p>" + "正文段落，用于衡量归档写入的速度。".repeat(40) + "</p>");
      long id = editorial.createDraft(form, f.editor());
      if (i % 20 == 0) {
        api()
            .upload(
                "/api/v1/admin/documents/" + id + "/attachments",
                "附件" + i + ".pdf",
                pdf,
                f.editor().username(),
                PASSWORD);
      }
      editorial.submit(id, f.editor());
      editorial.approve(id, true, null, f.reviewer());
      editorial.publish(id, null, f.reviewer());
    }
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    System.out.printf(Locale.ROOT, "published %,d documents in %.1f s%n", DOCUMENTS, seedSeconds);

    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int year = clock.today().getYear();
    Api.Response started =
        api()
            .post(
                ARCHIVES, "{\"site\":" + site + ",\"year\":" + year + "}", "admin", ADMIN_PASSWORD);
    assertThat(started.status()).isEqualTo(202);
    long id = ((Number) started.json("$.id")).longValue();
    Api.Response done;
    long end = System.nanoTime() + Duration.ofHours(2).toNanos();
    do {
      TimeUnit.MILLISECONDS.sleep(500);
      done = api().get(ARCHIVES + "/" + id, "admin", ADMIN_PASSWORD);
    } while (!List.of("DONE", "FAILED").contains((String) done.json("$.state"))
        && System.nanoTime() < end);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    assertThat((String) done.json("$.state")).isEqualTo("DONE");

    double seconds =
        Duration.between(
                    Instant.parse(done.json("$.startedAt")),
                    Instant.parse(done.json("$.finishedAt")))
                .toMillis()
            / 1000.0;
    int captures = done.json("$.counts.captures");
    int documents = done.json("$.counts.documents");
    int attachments = done.json("$.counts.attachments");
    long httpBytes = ((Number) done.json("$.counts.httpBytes")).longValue();
    List<Map<String, Object>> files = done.json("$.files");
    long warcBytes =
        files.stream()
            .filter(file -> ((String) file.get("name")).endsWith(".warc.gz"))
            .mapToLong(file -> ((Number) file.get("size")).longValue())
            .sum();
    String json =
        String.format(
            Locale.ROOT,
            "{\"db\":\"%s\",\"documents\":%d,\"captures\":%d,\"document_pages\":%d,"
                + "\"attachments\":%d,\"seconds\":%.2f,\"pages_per_s\":%.1f,\"http_mb\":%.1f,"
                + "\"http_mb_per_s\":%.2f,\"warc_mb\":%.1f,\"warc_mb_per_s\":%.2f,"
                + "\"warc_files\":%d,\"processors\":%d,\"load_before\":%.2f,\"load_after\":%.2f}",
            DB,
            DOCUMENTS,
            captures,
            documents,
            attachments,
            seconds,
            captures / seconds,
            httpBytes / 1048576.0,
            httpBytes / 1048576.0 / seconds,
            warcBytes / 1048576.0,
            warcBytes / 1048576.0 / seconds,
            files.size() - 2,
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAfter);
    System.out.println(json);
    Path out = Path.of("target", "benchmark", "web-archive-" + DB + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json + "\n");
    assertThat(documents).isEqualTo(DOCUMENTS);
  }
}
