package org.gongkai.imports.internal;

import java.time.Clock;
import java.time.Instant;
import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The cluster job that runs imports: one node at a time works on the queued and running imports,
 * oldest first, for at most {@code gongkai.imports.run-budget}; whatever is left is taken up by the
 * next run, on whichever node claims it, also after a crash or a restart.
 */
@Component
class ImportRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private final ImportRepository imports;
  private final ImportWork work;
  private final ImportsProperties settings;
  private final Clock clock;

  ImportRunner(ImportRepository imports, ImportWork work, ImportsProperties settings, Clock clock) {
    this.imports = imports;
    this.work = work;
    this.settings = settings;
    this.clock = clock;
  }

  @ClusterJob(fixedDelay = "${gongkai.imports.poll-interval:PT5S}")
  void runImports() {
    Instant deadline = clock.instant().plus(settings.runBudget());
    for (long jobId : imports.activeJobs()) {
      try {
        if (!work.run(jobId, deadline, Integer.MAX_VALUE)) {
          return;
        }
      } catch (RuntimeException e) {
        // The import stays running and is resumed by the next run; the others go on.
        log.warn("import {} stopped by {}; it resumes with the next run", jobId, e.toString());
      }
    }
  }
}
