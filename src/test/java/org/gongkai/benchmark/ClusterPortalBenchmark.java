package org.gongkai.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.benchmark.PortalBenchmark.Figures;
import org.gongkai.benchmark.PortalBenchmark.Load;
import org.gongkai.benchmark.PortalBenchmark.Nginx;
import org.gongkai.support.PackagedApp;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The portal harness on several application nodes, not a test (not part of {@code mvn verify}): two
 * packaged jars on one fresh PostgreSQL database, sharing their files through one data folder (each
 * with its own search index, sessions and rate limits in the database), behind nginx as the load
 * balancer. Each public page is loaded through nginx in front of both nodes and through nginx in
 * front of one of them, in the same run, and the ratio printed. Writes {@code
 * target/benchmark/portal-cluster.json}. Needs nginx.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * mvn -B test -Djacoco.skip=true -Dtest=ClusterPortalBenchmark
 * </pre>
 */
class ClusterPortalBenchmark {

  private static final int BOTH = 18_082;
  private static final int ONE = 18_083;

  @Test
  void measuresTwoNodesBehindNginx() throws Exception {
    Path shared = Files.createTempDirectory("gongkai-cluster-bench").resolve("data");
    String database = PostgresTestDatabase.fresh();
    Load load = Load.available();
    Map<String, Figures> two = new LinkedHashMap<>();
    Map<String, Figures> one = new LinkedHashMap<>();
    Map<String, String> pages;
    try (PackagedApp a = node(shared, database, "a").start(Duration.ofMinutes(3));
        PackagedApp b = node(shared, database, "b").start(Duration.ofMinutes(3))) {
      pages = PortalBenchmark.pages(a.base());
      try (Nginx both = Nginx.balance(BOTH, List.of(a.port(), b.port()));
          Nginx single = Nginx.balance(ONE, List.of(a.port()))) {
        if (both == null) {
          System.out.println("nginx is not installed: nothing to measure");
          return;
        }
        System.out.printf("%nPortal on two nodes (PostgreSQL) behind nginx, %s%n", load.name());
        PortalBenchmark.warmUp(load, BOTH, pages.values());
        for (var page : pages.entrySet()) {
          two.put(page.getKey(), load.measure("localhost", BOTH, page.getValue()));
          one.put(page.getKey(), load.measure("localhost", ONE, page.getValue()));
        }
      }
    }
    report(pages, two, one);
  }

  private static PackagedApp node(Path shared, String database, String name) throws Exception {
    return new PackagedApp(shared)
        .onPostgres(database)
        .jvm("-Xmx1g")
        .set(
            "gongkai.search.index-dir",
            Files.createTempDirectory("gongkai-index-" + name).toString())
        .set("gongkai.cluster.sessions", "database")
        .set("gongkai.cluster.limits", "database");
  }

  private static void report(
      Map<String, String> pages, Map<String, Figures> two, Map<String, Figures> one)
      throws Exception {
    System.out.printf(
        "%n  %-11s %-46s %14s %9s %14s %9s %7s%n",
        "page", "path", "2 nodes req/s", "p99 ms", "1 node req/s", "p99 ms", "ratio");
    List<String> entries = new ArrayList<>();
    for (var page : two.entrySet()) {
      Figures t = page.getValue();
      Figures o = one.get(page.getKey());
      System.out.printf(
          Locale.ROOT,
          "  %-11s %-46s %,14.0f %9.2f %,14.0f %9.2f %7.2f%n",
          page.getKey(),
          pages.get(page.getKey()),
          t.perSecond(),
          t.p99(),
          o.perSecond(),
          o.p99(),
          t.perSecond() / o.perSecond());
      entries.add(
          String.format(
              Locale.ROOT,
              "\"%s\":{\"two_nodes_per_s\":%.1f,\"two_nodes_p99_ms\":%.2f,"
                  + "\"one_node_per_s\":%.1f,\"one_node_p99_ms\":%.2f}",
              page.getKey(),
              t.perSecond(),
              t.p99(),
              o.perSecond(),
              o.p99()));
    }
    Path out = Path.of("target", "benchmark", "portal-cluster.json");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        "{\"cores\":"
            + Runtime.getRuntime().availableProcessors()
            + ",\"pages\":{"
            + String.join(",", entries)
            + "}}\n");
    System.out.println("  written to " + out);
  }
}
