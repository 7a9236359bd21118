package org.gongkai.imports.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works through one import's frontier, item by item, oldest first, until it is empty, the time of
 * the run is up, or the import is cancelled. Everything it knows lives in the database: the next
 * run, on this node or another after a crash, continues with the first item not done.
 */
@Component
class ImportWork {

  /**
   * Steps from a start address through different lists; the pages of one list (its next links)
   * share their list's step, so that a column of any length is read to its end.
   */
  private static final int MAX_DEPTH = 100;

  private final ImportRepository imports;
  private final ImportDecisions decisions;
  private final Fetcher fetcher;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final ImportsProperties settings;
  private final PageReader reader = new PageReader(PageLabels.load());
  private final OldLinks oldLinks;
  private final Clock clock;

  ImportWork(
      ImportRepository imports,
      ImportDecisions decisions,
      Fetcher fetcher,
      Accounts accounts,
      AuditTrail audit,
      TransactionTemplate transactions,
      JsonMapper json,
      ImportsProperties settings,
      OldLinks oldLinks,
      Clock clock) {
    this.imports = imports;
    this.oldLinks = oldLinks;
    this.decisions = decisions;
    this.fetcher = fetcher;
    this.accounts = accounts;
    this.audit = audit;
    this.transactions = transactions;
    this.json = json;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Works on the import until {@code deadline} or {@code maxItems} items; true when it has come to
   * an end (done, failed or cancelled).
   */
  boolean run(long jobId, Instant deadline, int maxItems) {
    ImportJob job = imports.job(jobId).orElseThrow();
    if (job.state() == ImportState.QUEUED) {
      imports.transition(jobId, ImportState.QUEUED, ImportState.RUNNING, null, clock.instant());
    } else if (job.state() != ImportState.RUNNING) {
      return true;
    }
    Optional<Staff> actor = accounts.findByUsername(job.startedBy());
    if (actor.isEmpty()) {
      return finish(job, ImportState.FAILED, "import.failed.actor");
    }
    Pacer pacer = new Pacer(job.ratePerSecond());
    Map<String, Robots> robots = new HashMap<>();
    // Counted once, then kept here: counting the items again after each would cost a scan of
    // the import's items per item.
    long processed = imports.counts(jobId).values().stream().mapToLong(Long::longValue).sum();
    for (int done = 0; done < maxItems && clock.instant().isBefore(deadline); done++) {
      if (imports.job(jobId).map(ImportJob::state).orElse(null) != ImportState.RUNNING) {
        return true;
      }
      Optional<ImportItem> next = imports.nextPending(jobId);
      if (next.isEmpty() || processed >= job.maxDocuments()) {
        return finish(job, ImportState.DONE, null);
      }
      if (step(job, next.get(), actor.get(), pacer, robots)) {
        processed++;
      }
    }
    return false;
  }

  /** Processes one item; true when it got an outcome (everything but a list page). */
  private boolean step(
      ImportJob job, ImportItem item, Staff actor, Pacer pacer, Map<String, Robots> robots) {
    if (item.payload() != null) {
      decisions.process(
          job, item, json.readValue(item.payload(), Candidate.class), "ROW", actor, pacer);
      return true;
    }
    URI uri = Urls.parse(item.url()).orElseThrow();
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    Robots rules = robots.computeIfAbsent(origin, o -> robots(o, job, pacer));
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    if (!rules.allows(pathAndQuery)) {
      imports.finishItem(
          item.id(), "BLOCKED", Outcome.REFUSED, "import.robots", null, null, null, null);
      return true;
    }
    Fetcher.Fetched page;
    try {
      page = fetcher.get(uri, settings.maxPageBytes().toBytes(), job.hosts(), pacer);
    } catch (Fetcher.FetchFailed failed) {
      imports.finishItem(
          item.id(), "BROKEN", Outcome.REFUSED, failed.reason(), failed.detail(), null, null, null);
      return true;
    }
    PageReader.Page read = reader.read(page.body(), page.contentType(), page.uri());
    if (read.document().isPresent()) {
      decisions.process(job, item, read.document().get(), "DOCUMENT", actor, pacer);
      return true;
    }
    long known = imports.progress(job.id())[0];
    transactions.executeWithoutResult(
        tx -> {
          long room = settings.maxPages() - known;
          for (URI link : read.links()) {
            if (room <= 0) {
              break;
            }
            int depth = Urls.samePagedList(uri, link) ? item.depth() : item.depth() + 1;
            if (depth <= MAX_DEPTH
                && job.hosts().contains(link.getHost())
                && imports.enqueue(job.id(), link.toString(), Urls.key(link), depth, null)) {
              room--;
            }
          }
          imports.finishItem(item.id(), "LIST", null, null, null, null, null, null);
        });
    return false;
  }

  /** The site's robots.txt; none (or a client error) allows everything, as RFC 9309 says. */
  private Robots robots(String origin, ImportJob job, Pacer pacer) {
    try {
      Fetcher.Fetched file =
          fetcher.get(URI.create(origin + "/robots.txt"), 512 * 1024, job.hosts(), pacer);
      return Robots.parse(file.body(), settings.userAgent());
    } catch (Fetcher.FetchFailed failed) {
      return Robots.ALLOW_ALL;
    }
  }

  private boolean finish(ImportJob job, ImportState end, String failure) {
    String reason = failure;
    if (end == ImportState.DONE
        && job.kind().equals(ImportJob.CRAWL)
        && !imports.anyRead(job.id())) {
      // Not one page of the old site could be read: the start pages are wrong, or the site is down.
      end = ImportState.FAILED;
      reason = "import.failed.nothing-read";
    }
    ImportState to = end;
    String why = reason;
    transactions.executeWithoutResult(
        tx -> {
          if (imports.transition(job.id(), ImportState.RUNNING, to, why, clock.instant())) {
            audit.record(
                job.startedBy(),
                "import.finished",
                "import",
                job.id(),
                to + " " + imports.counts(job.id()) + (why == null ? "" : " " + why));
          }
        });
    oldLinks.refresh();
    return true;
  }
}
