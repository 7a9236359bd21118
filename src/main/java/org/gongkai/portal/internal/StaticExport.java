package org.gongkai.portal.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyChanged;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnChanged;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.shared.PlatformProperties;
import org.gongkai.shared.execution.PlatformExecutors;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.SiteChanged;
import org.gongkai.site.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The public site as files, for mirrors and CDNs: a full export follows every public link from the
 * home page, the sitemaps and robots.txt, fetching each page from this node exactly as an anonymous
 * visitor gets it; after each publication or withdrawal the document, the lists and feeds that show
 * it and the sitemaps are written again, and a withdrawn document's files removed; after a change
 * of an agency or one of its columns, the agency's pages. Once a folder has been exported, a
 * nightly full export keeps the rest (deeper list pages) current.
 *
 * <p>Each site is a tree of its own: the first site in the folder, every other site in a folder
 * beside it named by its canonical host ({@code static-site-swj.example.gov.cn}), its pages fetched
 * as a visitor of that host over https gets them (X-Forwarded-Host from this machine, a trusted
 * proxy), so that its links, canonical addresses and sitemap name the site.
 */
@Service
class StaticExport {

  /** What the last or running export did. */
  record Status(
      String folder,
      boolean running,
      Instant startedAt,
      Instant finishedAt,
      int written,
      int unchanged,
      int removed,
      int failed) {}

  private static final Logger log = LoggerFactory.getLogger(StaticExport.class);

  private final StaticSiteFiles files;
  private final Sites sites;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxPages;
  private final StaticCrawl crawler = new StaticCrawl();
  private final TaskExecutor worker;
  private final ReentrantLock exporting = new ReentrantLock();
  private volatile int port;
  private volatile Status status;

  StaticExport(
      Sites sites,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      Clock clock,
      @Qualifier(PlatformExecutors.EXPORT) TaskExecutor worker,
      StaticExportProperties settings,
      PlatformProperties platform) {
    this.files =
        new StaticSiteFiles(
            settings.folder() != null
                ? settings.folder()
                : platform.dataDir().resolve("static-site"));
    this.sites = sites;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.worker = worker;
    this.maxPages = settings.maxPages();
    this.status = new Status(files.root().toString(), false, null, null, 0, 0, 0, 0);
  }

  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  Status status(Staff actor) {
    access.requirePlatformAdmin(actor);
    return status;
  }

  /** Starts a full export in the background. */
  @Transactional
  Status start(Staff actor) {
    access.requirePlatformAdmin(actor);
    if (status.running()) {
      throw Refusal.conflict("static-export.running");
    }
    audit.record(actor.username(), "static-export.started", "site", 0, files.root().toString());
    status = new Status(files.root().toString(), true, Instant.now(clock), null, 0, 0, 0, 0);
    worker.execute(this::exportAll);
    return status;
  }

  @ClusterJob(cron = "${gongkai.static-export.cron:" + StaticExportProperties.CRON + "}")
  void nightly() {
    if (Files.isDirectory(files.root()) && !status.running()) {
      status = new Status(files.root().toString(), true, Instant.now(clock), null, 0, 0, 0, 0);
      exportAll();
    }
  }

  @Async(PlatformExecutors.EXPORT)
  @TransactionalEventListener
  void on(DocumentPublished event) {
    refresh(event.documentId(), event.agencyId(), false);
  }

  @Async(PlatformExecutors.EXPORT)
  @TransactionalEventListener
  void on(DocumentWithdrawn event) {
    refresh(event.documentId(), event.agencyId(), true);
  }

  @Async(PlatformExecutors.EXPORT)
  @TransactionalEventListener
  void on(AgencyChanged event) {
    refresh(null, event.agencyId(), false);
  }

  @Async(PlatformExecutors.EXPORT)
  @TransactionalEventListener
  void on(ColumnChanged event) {
    refresh(null, event.agencyId(), false);
  }

  /**
   * A site's layout (its menu, footer, logo) or identity changed: every page of its tree shows it,
   * so the tree is written again.
   */
  @Async(PlatformExecutors.EXPORT)
  @TransactionalEventListener
  void on(SiteChanged event) {
    if (!Files.isDirectory(files.root()) || port == 0) {
      return;
    }
    Site site = sites.find(event.siteId()).orElse(null);
    if (site == null) {
      return;
    }
    exporting.lock();
    try {
      StaticCrawl.Counts counts = new StaticCrawl.Counts();
      trees().stream()
          .filter(t -> site.fallback() ? t.host() == null : site.canonicalHost().equals(t.host()))
          .filter(t -> Files.isDirectory(t.files().root()))
          .forEach(
              t ->
                  crawler.crawl(
                      port,
                      t,
                      List.of("/", "/robots.txt", "/sitemap.xml"),
                      maxPages,
                      counts,
                      c -> {}));
    } catch (RuntimeException e) {
      log.warn("the static site of {} was not written again; the nightly export will", site, e);
    } finally {
      exporting.unlock();
    }
  }

  /** The trees of the sites: the first site's in the folder, the others' beside it. */
  private List<StaticCrawl.Tree> trees() {
    List<StaticCrawl.Tree> trees = new ArrayList<>();
    for (Site site : sites.all()) {
      trees.add(
          site.fallback()
              ? new StaticCrawl.Tree(files, null)
              : new StaticCrawl.Tree(
                  new StaticSiteFiles(
                      files
                          .root()
                          .resolveSibling(files.root().getFileName() + "-" + site.canonicalHost())),
                  site.canonicalHost()));
    }
    return trees;
  }

  private void exportAll() {
    exporting.lock();
    StaticCrawl.Counts counts = new StaticCrawl.Counts();
    try {
      for (StaticCrawl.Tree tree : trees()) {
        crawler.crawl(
            port,
            tree,
            List.of("/", "/robots.txt", "/sitemap.xml"),
            maxPages,
            counts,
            c -> status = c.progress(status));
      }
    } catch (RuntimeException e) {
      log.error("the static export stopped", e);
    } finally {
      exporting.unlock();
      status = counts.finish(status, clock);
      log.info(
          "static export into {}: {} written, {} unchanged, {} removed, {} failed",
          files.root(),
          status.written(),
          status.unchanged(),
          status.removed(),
          status.failed());
    }
  }

  /** The pages that show a document (null: none in particular) and the agency's lists. */
  private void refresh(Long documentId, long agencyId, boolean withdrawn) {
    if (!Files.isDirectory(files.root()) || port == 0) {
      return;
    }
    exporting.lock();
    try {
      for (Site site : sites.all()) {
        if (sites.shows(site, agencyId)) {
          trees().stream()
              .filter(
                  t -> site.fallback() ? t.host() == null : site.canonicalHost().equals(t.host()))
              .filter(t -> Files.isDirectory(t.files().root()))
              .forEach(t -> refresh(t, documentId, agencyId, withdrawn));
        }
      }
    } finally {
      exporting.unlock();
    }
  }

  private void refresh(StaticCrawl.Tree tree, Long documentId, long agencyId, boolean withdrawn) {
    String page = documentId == null ? null : "/documents/" + documentId;
    try {
      StaticCrawl.Counts counts = new StaticCrawl.Counts();
      List<String> addresses = new ArrayList<>(List.of("/", "/sitemap.xml"));
      if (page != null && withdrawn) {
        tree.files().removePage(page);
        counts.removed++;
      } else if (page != null) {
        addresses.add(page);
      }
      Agency agency = agencies.get(agencyId);
      String base = "/agencies/" + agency.code();
      addresses.add(base);
      addresses.add(base + "/feed.atom");
      for (Column column : agencies.visibleColumns(agencyId)) {
        addresses.add(base + "?column=" + column.id());
        addresses.add(base + "/columns/" + column.id() + "/feed.atom");
      }
      for (String address : addresses) {
        List<String> found = crawler.export(port, tree, address, counts);
        for (String link : found) {
          if ((page != null && link.startsWith(page + "/attachments/"))
              || link.startsWith("/sitemaps/")) {
            crawler.export(port, tree, link, counts);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "the static site was not brought up to date for {}; the nightly export will",
          page != null ? page : "agency " + agencyId,
          e);
    }
  }
}
