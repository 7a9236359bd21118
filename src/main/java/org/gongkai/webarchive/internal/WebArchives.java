package org.gongkai.webarchive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.PlatformProperties;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.storage.FileReferences;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The web archives: the platform admin asks for a site's year, the platform job writes it (one
 * archive at a time, on whichever node holds the job), and the files are read back for download. An
 * archive a dead node left RUNNING is begun again from the start by the next run of the job: its
 * stored files are dropped from the archive, and the sweep removes them.
 */
@Service
class WebArchives implements FileReferences {

  /** An archive with its files, as the API and the console show it. */
  record View(
      WebArchiveRepository.Archive archive,
      String siteName,
      List<WebArchiveRepository.File> files) {}

  private static final Logger log = LoggerFactory.getLogger(WebArchives.class);
  private static final int EARLIEST_YEAR = 2000;

  private final WebArchiveRepository archives;
  private final ArchiveRun run;
  private final SiteClosing closing;
  private final Sites sites;
  private final StoredFiles files;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final WebArchiveProperties settings;
  private final ZoneId zone;
  private final Clock clock;
  private final TransactionTemplate transaction;

  WebArchives(
      WebArchiveRepository archives,
      ArchiveRun run,
      SiteClosing closing,
      Sites sites,
      StoredFiles files,
      StaffAccess access,
      AuditTrail audit,
      WebArchiveProperties settings,
      PlatformProperties platform,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.archives = archives;
    this.run = run;
    this.closing = closing;
    this.sites = sites;
    this.files = files;
    this.access = access;
    this.audit = audit;
    this.settings = settings;
    this.zone = platform.timeZone();
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Queues the archive of a site's year; the job writes it. */
  @Transactional
  long start(Staff actor, Long siteId, Integer year) {
    access.requirePlatformAdmin(actor);
    if (siteId == null) {
      throw Refusal.invalidField("site", "web-archive.site-required");
    }
    Site site =
        sites
            .find(siteId)
            .orElseThrow(() -> Refusal.invalidField("site", "web-archive.site-unknown", siteId));
    if (year == null) {
      throw Refusal.invalidField("year", "web-archive.year-required");
    }
    int thisYear = LocalDate.now(clock.withZone(zone)).getYear();
    if (year > thisYear) {
      throw Refusal.invalidField("year", "web-archive.year-future", year, thisYear);
    }
    if (year < EARLIEST_YEAR) {
      throw Refusal.invalidField("year", "web-archive.year-too-early", year, EARLIEST_YEAR);
    }
    if (busy(site.id(), year)) {
      throw Refusal.conflict("web-archive.busy", site.name(), year);
    }
    return queue(site, year, false, actor.username());
  }

  /**
   * Closes a site once all its pages are archived: {@code confirm} must repeat its canonical host.
   * The archive of every year is queued; the job closes the site when it is written.
   */
  @Transactional
  long close(Staff actor, long siteId, String confirm) {
    access.requirePlatformAdmin(actor);
    Site site = sites.find(siteId).orElseThrow(() -> Refusal.notFound("site.not-found"));
    if (confirm == null || !confirm.strip().equalsIgnoreCase(site.canonicalHost())) {
      throw Refusal.invalidField("confirm", "site.close.confirm", site.canonicalHost());
    }
    if (site.fallback()) {
      throw Refusal.conflict("site.close.first-site");
    }
    if (site.closed()) {
      throw Refusal.conflict("site.close.closed");
    }
    if (busy(site.id(), null)) {
      throw Refusal.conflict("site.close.busy", site.name());
    }
    return queue(site, null, true, actor.username());
  }

  private boolean busy(long siteId, Integer year) {
    return java.util.stream.Stream.concat(
            archives.inState(WebArchiveRepository.State.QUEUED).stream(),
            archives.inState(WebArchiveRepository.State.RUNNING).stream())
        .anyMatch(a -> a.siteId() == siteId && java.util.Objects.equals(year, a.year()));
  }

  private long queue(Site site, Integer year, boolean closes, String actor) {
    return transaction.execute(
        status -> {
          long id = archives.insert(site.id(), year, closes, actor, Instant.now(clock));
          audit.record(
              actor,
              "web-archive.started",
              "web-archive",
              id,
              "site " + site.id() + " " + (year == null ? "all years" : year.toString()));
          return id;
        });
  }

  View get(Staff actor, long id) {
    access.requirePlatformAdmin(actor);
    WebArchiveRepository.Archive archive =
        archives.find(id).orElseThrow(() -> Refusal.notFound("web-archive.not-found", id));
    return view(archive);
  }

  List<View> latest(Staff actor) {
    access.requirePlatformAdmin(actor);
    return archives.latest(100).stream().map(this::view).toList();
  }

  List<Site> sites(Staff actor) {
    access.requirePlatformAdmin(actor);
    return sites.all();
  }

  /** A file of an archive, opened for download. */
  Download open(Staff actor, long id, String name) {
    View view = get(actor, id);
    WebArchiveRepository.File file =
        view.files().stream()
            .filter(f -> f.name().equals(name))
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("web-archive.file-not-found", name));
    try {
      return new Download(file, files.open(ArchiveRun.AREA, file.sha256()));
    } catch (IOException e) {
      throw Refusal.unavailable("web-archive.file-unavailable", name);
    }
  }

  record Download(WebArchiveRepository.File file, InputStream content) {}

  private View view(WebArchiveRepository.Archive archive) {
    String name = sites.find(archive.siteId()).map(Site::name).orElse("#" + archive.siteId());
    return new View(archive, name, archives.files(archive.id()));
  }

  /**
   * Writes the archives waiting, oldest first; one left RUNNING is a dead node's (the job runs on
   * one node at a time) and is begun again.
   */
  @ClusterJob(fixedDelay = "${gongkai.web-archive.poll-interval:" + WebArchiveProperties.POLL + "}")
  void work() {
    for (WebArchiveRepository.Archive left : archives.inState(WebArchiveRepository.State.RUNNING)) {
      log.info("web archive {} was left unfinished; it is written again from the start", left.id());
      write(left);
    }
    for (WebArchiveRepository.Archive queued :
        archives.inState(WebArchiveRepository.State.QUEUED)) {
      write(queued);
    }
  }

  /** Early each January: every site's past year, unless it is archived already. */
  @ClusterJob(cron = "${gongkai.web-archive.cron:" + WebArchiveProperties.CRON + "}")
  void yearly() {
    if (!settings.yearly()) {
      return;
    }
    int lastYear = LocalDate.now(clock.withZone(zone)).getYear() - 1;
    for (Site site : sites.all()) {
      if (!archives.exists(site.id(), lastYear)) {
        queue(site, lastYear, false, "system");
      }
    }
  }

  private void write(WebArchiveRepository.Archive archive) {
    Instant started = Instant.now(clock);
    if (!archives.begin(archive.id(), archive.state(), started)) {
      return;
    }
    WebArchiveRepository.State state = WebArchiveRepository.State.DONE;
    WebArchiveRepository.Counts counts = new WebArchiveRepository.Counts(0, 0, 0, 0, 0);
    String errors;
    try {
      ArchiveRun.Outcome outcome =
          run.write(
              archive,
              started,
              new ArchiveRun.Progress() {
                @Override
                public void counts(WebArchiveRepository.Counts c) {
                  archives.progress(archive.id(), c);
                }

                @Override
                public void file(WebArchiveRepository.File file) {
                  archives.addFile(archive.id(), file);
                }
              });
      counts = outcome.counts();
      errors = String.join("\n", outcome.errors());
      if (archive.closesSite()) {
        try {
          closing.close(archive);
        } catch (RuntimeException e) {
          log.warn("site {} was archived but not closed", archive.siteId(), e);
          errors = (errors.isEmpty() ? "" : errors + "\n") + "site not closed: " + e.getMessage();
        }
      }
    } catch (IOException | RuntimeException e) {
      log.error("web archive {} failed", archive.id(), e);
      state = WebArchiveRepository.State.FAILED;
      errors = String.valueOf(e.getMessage());
    }
    WebArchiveRepository.State finalState = state;
    WebArchiveRepository.Counts finalCounts = counts;
    String finalErrors = errors;
    transaction.executeWithoutResult(
        status -> {
          archives.finish(archive.id(), finalState, finalCounts, finalErrors, Instant.now(clock));
          audit.record(
              "system",
              "web-archive.finished",
              "web-archive",
              archive.id(),
              finalState
                  + ": "
                  + finalCounts.captures()
                  + " captures, "
                  + finalCounts.documents()
                  + " documents, "
                  + finalCounts.attachments()
                  + " attachments, "
                  + finalCounts.failures()
                  + " failures");
        });
  }

  @Override
  public String area() {
    return ArchiveRun.AREA;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return archives.references(sha256);
  }
}
