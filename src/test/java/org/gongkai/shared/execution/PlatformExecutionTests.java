package org.gongkai.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class PlatformExecutionTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(PlatformExecution.class);

  @Test
  void sizesEachNamedPoolFromItsSetting() {
    context
        .withPropertyValues(
            "gongkai.executors.indexing-threads=3", "gongkai.executors.scheduling-threads=4")
        .run(
            started -> {
              assertThat(
                      started
                          .getBean(PlatformExecutors.INDEXING, ThreadPoolTaskExecutor.class)
                          .getCorePoolSize())
                  .isEqualTo(3);
              assertThat(
                      started
                          .getBean(PlatformExecutors.EXPORT, ThreadPoolTaskExecutor.class)
                          .getMaxPoolSize())
                  .isEqualTo(1);
              assertThat(
                      started
                          .getBean(ThreadPoolTaskScheduler.class)
                          .getScheduledThreadPoolExecutor()
                          .getCorePoolSize())
                  .isEqualTo(4);
            });
  }

  @Test
  void theEventsPoolIsWhatAnUnnamedAsyncAndSpringMvcRunOn() {
    context.run(
        started -> {
          Object events = started.getBean(PlatformExecutors.EVENTS);
          assertThat(started.getBean("taskExecutor")).isSameAs(events);
          assertThat(started.getBean("applicationTaskExecutor")).isSameAs(events);
          assertThat(((ThreadPoolTaskExecutor) events).getCorePoolSize()).isEqualTo(4);
        });
  }

  @Test
  void refusesToStartWithAPoolOfNoThreadsNamingTheSetting() {
    context
        .withPropertyValues("gongkai.executors.mail-threads=0")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("gongkai.executors")
                    .hasMessageContaining("mailThreads"));
  }
}
