package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.gongkai.support.Api;
import org.gongkai.support.OnPostgres;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import throughput harness, not a test (not part of {@code mvn verify}): an old site of 10,000
 * document pages (500 list pages of 20, chained by their next links) served on this machine,
 * crawled and imported for real in one run; measures documents created per second, wall clock and
 * the process CPU, the fixture's serving included. Writes {@code
 * target/benchmark/imports-<db>.json}.
 *
 * <pre>
 * mvn -B test -Djacoco.skip=true -Dtest=ImportBenchmark
 * mvn -B test -Djacoco.skip=true -Dtest=ImportBenchmark -Dbenchmark.db=postgres
 * # -Dbenchmark.documents=10000
 * </pre>
 */
class ImportBenchmark extends PlatformIntegrationTests {

  private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 10_000);
  private static final String DB = System.getProperty("benchmark.db", "h2");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("gongkai.imports.allow-private-addresses", () -> "true");
    registry.add("gongkai.imports.poll-interval", () -> "PT1H");
    if (DB.equals("postgres")) {
      OnPostgres.register(registry);
    }
  }

  @Autowired ImportWork work;

  @Test
  void documentsImportedPerSecond() throws Exception {
    Fixture f = newAgency();
    try (OldSite site = new OldSite(f.agency().code(), DOCUMENTS)) {
      Api.Response started =
          api()
              .post(
                  "/api/v1/admin/imports",
                  "{\"startUrls\":[\""
                      + site.url("/gen/list_0.html")
                      + "\"],\"agency\":\""
                      + f.agency().code()
                      + "\",\"dryRun\":false,\"rateLimitPerSecond\":1000,\"columnMapping\":{\"通知公告\":"
                      + f.policies().id()
                      + "}}",
                  "admin",
                  ADMIN_PASSWORD);
      long id = ((Number) started.json("$.id")).longValue();
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      double loadBefore = os.getSystemLoadAverage();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      assertThat(work.run(id, Instant.now().plusSeconds(7200), Integer.MAX_VALUE)).isTrue();
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      long created =
          jdbc.sql("SELECT COUNT(*) FROM import_item WHERE job_id = ? AND outcome = 'CREATED'")
              .param(id)
              .query(Long.class)
              .single();
      assertThat(created).isEqualTo(DOCUMENTS);
      String json =
          String.format(
              Locale.ROOT,
              "{\"db\":\"%s\",\"documents\":%d,\"requests\":%d,\"seconds\":%.2f,"
                  + "\"documentsPerSecond\":%.1f,\"cpuSecondsPerDocument\":%.5f,"
                  + "\"processors\":%d,\"loadBefore\":%.2f,\"loadAfter\":%.2f}%n",
              DB,
              created,
              site.requests.get(),
              seconds,
              created / seconds,
              cpuSeconds / created,
              Runtime.getRuntime().availableProcessors(),
              loadBefore,
              os.getSystemLoadAverage());
      Path out = Path.of("target/benchmark/imports-" + DB + ".json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, json);
      System.out.print(json);
    }
  }
}
