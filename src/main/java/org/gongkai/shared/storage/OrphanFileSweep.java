package org.gongkai.shared.storage;

import java.time.Duration;
import java.util.List;
import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The daily sweep: removes stored files that no record names, such as an upload whose form was
 * refused after the file was written, once they are a day old.
 */
@Component
class OrphanFileSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanFileSweep.class);

  private final StoredFiles files;
  private final List<FileReferences> references;
  private final Duration grace;

  OrphanFileSweep(StoredFiles files, List<FileReferences> references, FilesProperties settings) {
    this.files = files;
    this.references = references;
    this.grace = settings.sweepGraceHours();
  }

  @ClusterJob(cron = "${gongkai.files.sweep-cron:" + FilesProperties.SWEEP_CRON + "}")
  void sweepDaily() {
    sweep();
  }

  int sweep() {
    int removed = 0;
    for (FileReferences area : references) {
      int n = files.sweep(area.area(), area::isReferenced, grace);
      if (n > 0) {
        log.info("removed {} files no record names from {}", n, area.area());
      }
      removed += n;
    }
    return removed;
  }
}
