package org.gongkai.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ClusterJobsTests {

  private final ClusterJobs jobs = new ClusterJobs(new MockEnvironment(), () -> null, () -> null);

  static class Queue {
    @ClusterJob(fixedDelay = "PT1M")
    void drain(JobRun run) {}

    @ClusterJob(cron = "0 0 2 * * *", zone = "Asia/Shanghai")
    void nightly() {}
  }

  static class Wrong {
    @ClusterJob(fixedDelay = "PT1M")
    void drain(String what) {}
  }

  @Test
  void aJobTakesNothingOrTheRunItIsPartOf() {
    jobs.postProcessAfterInitialization(new Queue(), "queue");
    assertThat(jobs.jobs())
        .extracting(ClusterJobs.Job::name)
        .containsExactlyInAnyOrder("Queue.drain", "Queue.nightly");
  }

  @Test
  void anyOtherParameterStopsTheStartNamingTheMethod() {
    assertThatThrownBy(() -> jobs.postProcessAfterInitialization(new Wrong(), "wrong"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Wrong.drain: a cluster job takes no parameter or one JobRun");
  }
}
