package org.gongkai.imports.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One import: a crawl of an old site from its start pages ({@code CRAWL}) or the rows of a file
 * ({@code FILE}), for one agency, as a dry run or for real.
 */
record ImportJob(
    long id,
    long agencyId,
    String kind,
    boolean dryRun,
    ImportState state,
    List<String> startUrls,
    Set<String> hosts,
    double ratePerSecond,
    int maxDocuments,
    String fileName,
    String failure,
    String startedBy,
    Instant createdAt,
    Instant finishedAt) {

  static final String CRAWL = "CRAWL";
  static final String FILE = "FILE";
}
