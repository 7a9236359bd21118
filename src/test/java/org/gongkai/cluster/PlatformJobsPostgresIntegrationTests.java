package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.jobs.ClusterJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application nodes on one database: a platform job due every second runs once a second in all,
 * on one node or the other, never on both.
 */
@Import(PlatformJobsPostgresIntegrationTests.Probe.class)
class PlatformJobsPostgresIntegrationTests extends TwoNodesIntegrationTests {

  @DynamicPropertySource
  static void quickJobs(DynamicPropertyRegistry registry) {
    registry.add("gongkai.jobs.polling-interval", () -> "PT0.1S");
    registry.add("gongkai.node", () -> "A");
  }

  /** A job that writes down which node ran it and when. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Probe {
    @Bean
    ProbeJob probeJob(JdbcClient jdbc, @Value("${gongkai.node}") String node) {
      return new ProbeJob(jdbc, node);
    }
  }

  static final class ProbeJob {
    private final JdbcClient jdbc;
    private final String node;

    ProbeJob(JdbcClient jdbc, String node) {
      this.jdbc = jdbc;
      this.node = node;
    }

    @ClusterJob(cron = "* * * * * *")
    void everySecond() {
      jdbc.sql(
              "CREATE TABLE IF NOT EXISTS job_probe (node VARCHAR(10), ran_at TIMESTAMP WITH TIME ZONE)")
          .update();
      jdbc.sql("INSERT INTO job_probe (node, ran_at) VALUES (?, ?)")
          .params(node, Timestamp.from(Instant.now()))
          .update();
    }
  }

  @Test
  void aJobDueEverySecondRunsOnceASecondAcrossTwoNodes() throws Exception {
    Timestamp until;
    try (ConfigurableApplicationContext other =
        secondNode(
            List.of(Probe.class), "gongkai.jobs.polling-interval=PT0.1S", "gongkai.node=B")) {
      assertThat(other.getBean(ClusterJobs.class).jobs())
          .extracting(ClusterJobs.Job::name)
          .contains("ProbeJob.everySecond", "AuditChain.sealPending", "FoiReminders.daily");
      jdbc.sql(
              "CREATE TABLE IF NOT EXISTS job_probe (node VARCHAR(10), ran_at TIMESTAMP WITH TIME ZONE)")
          .update();
      jdbc.sql("DELETE FROM job_probe").update();
      Thread.sleep(6_000);
      // Counted up to here: node A goes on running the job while node B shuts down.
      until = Timestamp.from(Instant.now());
    }
    List<Map<String, Object>> runs =
        jdbc.sql("SELECT node, ran_at FROM job_probe WHERE ran_at <= ? ORDER BY ran_at")
            .param(until)
            .query()
            .listOfRows();
    List<Instant> times =
        runs.stream().map(r -> ((Timestamp) r.get("ran_at")).toInstant()).toList();
    assertThat(times.size()).as("about one run a second for six seconds: %s", runs).isBetween(4, 7);
    for (int i = 1; i < times.size(); i++) {
      // run twice, an occurrence would show as two runs a few milliseconds apart
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .as("runs: %s", runs)
          .isGreaterThan(Duration.ofMillis(600));
    }
  }
}
