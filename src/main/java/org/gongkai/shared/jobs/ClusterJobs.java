package org.gongkai.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link ClusterJob} methods of every bean and runs them with db-scheduler: each job's
 * next run is a row of {@code scheduled_tasks}, which every node polls and exactly one claims. A
 * node that dies while running a job stops sending its heartbeat, and another takes the run over.
 */
public class ClusterJobs implements BeanPostProcessor, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

  /** A job found on a bean, with its schedule resolved. */
  public record Job(String name, Schedule schedule, Object bean, Method method) {}

  private final Environment environment;
  private final Supplier<DataSource> dataSource;
  private final Supplier<JobsProperties> settings;
  private final List<Job> jobs = new ArrayList<>();
  private volatile Scheduler scheduler;

  /**
   * The data source and the settings are asked for when the jobs start: a post-processor is made
   * before the beans it could be given.
   */
  public ClusterJobs(
      Environment environment, Supplier<DataSource> dataSource, Supplier<JobsProperties> settings) {
    this.environment = environment;
    this.dataSource = dataSource;
    this.settings = settings;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    Map<Method, ClusterJob> found =
        MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<ClusterJob>)
                m -> AnnotatedElementUtils.findMergedAnnotation(m, ClusterJob.class));
    found.forEach(
        (method, annotation) -> {
          Class<?>[] parameters = method.getParameterTypes();
          if (parameters.length > 1 || (parameters.length == 1 && parameters[0] != JobRun.class)) {
            throw new IllegalStateException(
                type.getSimpleName()
                    + "."
                    + method.getName()
                    + ": a cluster job takes no parameter or one JobRun");
          }
          Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
          ReflectionUtils.makeAccessible(invocable);
          String name = type.getSimpleName() + "." + method.getName();
          jobs.add(new Job(name, schedule(annotation, name), bean, invocable));
        });
    return bean;
  }

  private Schedule schedule(ClusterJob job, String name) {
    String cron = environment.resolvePlaceholders(job.cron());
    String delay = environment.resolvePlaceholders(job.fixedDelay());
    if (cron.isBlank() == delay.isBlank()) {
      throw new IllegalStateException(name + ": give either a cron expression or a fixed delay");
    }
    try {
      return cron.isBlank()
          ? Schedules.fixedDelay(DurationStyle.detectAndParse(delay))
          : Schedules.cron(cron, ZoneId.of(environment.resolvePlaceholders(job.zone())));
    } catch (RuntimeException e) {
      // The unresolved expression names the setting the operator has to correct.
      throw new IllegalStateException(
          name
              + ": "
              + (cron.isBlank() ? job.fixedDelay() : job.cron())
              + " is not a valid schedule",
          e);
    }
  }

  /** The jobs found, for the operations page and the tests. */
  public List<Job> jobs() {
    return List.copyOf(jobs);
  }

  @Override
  public void start() {
    List<RecurringTask<Void>> tasks =
        jobs.stream()
            .map(
                job ->
                    Tasks.recurring(job.name(), job.schedule())
                        .execute(
                            (instance, context) ->
                                invoke(job, () -> context.getSchedulerState().isShuttingDown())))
            .toList();
    JobsProperties jobsSettings = settings.get();
    scheduler =
        Scheduler.create(dataSource.get())
            .startTasks(new ArrayList<>(tasks))
            .pollingInterval(jobsSettings.pollingInterval())
            .threads(jobsSettings.threads())
            .deleteUnresolvedAfter(Duration.ofDays(1))
            .build();
    scheduler.start();
    log.info("{} platform jobs scheduled, each run claimed by one node", tasks.size());
  }

  private static void invoke(Job job, JobRun run) {
    if (job.method().getParameterCount() == 0) {
      ReflectionUtils.invokeMethod(job.method(), job.bean());
    } else {
      ReflectionUtils.invokeMethod(job.method(), job.bean(), run);
    }
  }

  @Override
  public void stop() {
    Scheduler running = scheduler;
    if (running != null) {
      running.stop();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** After the web server: a node takes jobs once it is up. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
