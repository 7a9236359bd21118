package org.gongkai.shared.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduling and asynchronous execution, switched on once for every module, with one named pool per
 * kind of background work so that a slow export or a mail server that does not answer never holds
 * up indexing. The events pool is also {@code taskExecutor} (what an {@code @Async} without a name
 * runs on) and {@code applicationTaskExecutor} (Spring MVC's asynchronous requests), since Spring
 * Boot's own pool steps aside once any pool is declared here.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties(ExecutorSettings.class)
public class PlatformExecution {

  @Bean(name = {PlatformExecutors.EVENTS, "taskExecutor", "applicationTaskExecutor"})
  ThreadPoolTaskExecutor eventsExecutor(ExecutorSettings settings) {
    return pool("events-", settings.eventsThreads(), settings.shutdownWait());
  }

  @Bean(PlatformExecutors.INDEXING)
  ThreadPoolTaskExecutor indexingExecutor(ExecutorSettings settings) {
    return pool("indexing-", settings.indexingThreads(), settings.shutdownWait());
  }

  @Bean(PlatformExecutors.EXPORT)
  ThreadPoolTaskExecutor exportExecutor(ExecutorSettings settings) {
    return pool("static-export-", settings.exportThreads(), settings.shutdownWait());
  }

  @Bean(PlatformExecutors.MAIL)
  ThreadPoolTaskExecutor mailExecutor(ExecutorSettings settings) {
    return pool("mail-", settings.mailThreads(), settings.shutdownWait());
  }

  @Bean
  ThreadPoolTaskScheduler taskScheduler(ExecutorSettings settings) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(settings.schedulingThreads());
    scheduler.setThreadNamePrefix("scheduling-");
    scheduler.setWaitForTasksToCompleteOnShutdown(true);
    scheduler.setAwaitTerminationMillis(settings.shutdownWait().toMillis());
    return scheduler;
  }

  /**
   * A fixed number of threads and an unbounded queue: work is never refused (a refused durable
   * event would wait for the next start), and a burst waits its turn instead of adding threads.
   */
  private static ThreadPoolTaskExecutor pool(String prefix, int threads, Duration shutdownWait) {
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(threads);
    pool.setMaxPoolSize(threads);
    pool.setThreadNamePrefix(prefix);
    pool.setWaitForTasksToCompleteOnShutdown(true);
    pool.setAwaitTerminationMillis(shutdownWait.toMillis());
    return pool;
  }
}
