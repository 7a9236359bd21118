package org.gongkai.imports.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting, following and cancelling imports. An import is checked whole before anything is kept
 * (the agency, every start address and its host, the column mapping); then the job, its start
 * addresses or rows and the mapping are written in one transaction, and the cluster job takes it.
 */
@Service
class Imports {

  static final int MAX_START_URLS = 50;

  private final ImportRepository imports;
  private final ColumnMappings mappings;
  private final AgencyDirectory agencies;
  private final HostGuard guard;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final ImportsProperties settings;
  private final Clock clock;

  Imports(
      ImportRepository imports,
      ColumnMappings mappings,
      AgencyDirectory agencies,
      HostGuard guard,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      ImportsProperties settings,
      Clock clock) {
    this.imports = imports;
    this.mappings = mappings;
    this.agencies = agencies;
    this.guard = guard;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  /** What starts an import: a crawl from start pages, or (with rows) a file's rows. */
  record Start(
      List<String> startUrls,
      String agency,
      boolean dryRun,
      Map<String, Long> columnMapping,
      Double rateLimitPerSecond,
      Integer maxDocuments) {}

  long startCrawl(Start start, Staff actor) {
    Agency agency = agency(start.agency(), actor);
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    List<URI> urls = new ArrayList<>();
    List<String> given = start.startUrls() == null ? List.of() : start.startUrls();
    if (given.isEmpty() || given.size() > MAX_START_URLS) {
      problems.add(new Refusal.FieldProblem("startUrls", "import.start-urls.required"));
    }
    for (String url : given) {
      Optional<URI> uri = url == null ? Optional.empty() : Urls.parse(url);
      if (uri.isEmpty()) {
        problems.add(new Refusal.FieldProblem("startUrls", "import.url.invalid", url));
        continue;
      }
      guard
          .privateAddress(uri.get().getHost())
          .ifPresentOrElse(
              reason -> problems.add(new Refusal.FieldProblem("startUrls", reason, url)),
              () -> urls.add(uri.get()));
    }
    Set<String> hosts = new LinkedHashSet<>();
    urls.forEach(u -> hosts.add(u.getHost()));
    ImportJob job =
        job(
            start,
            agency,
            ImportJob.CRAWL,
            urls.stream().map(URI::toString).toList(),
            hosts,
            null,
            actor,
            problems);
    return create(
        job,
        start,
        actor,
        id -> urls.forEach(u -> imports.enqueue(id, u.toString(), Urls.key(u), 0, null)));
  }

  /** The rows of a file, each with its payload (a {@link Candidate} as JSON) and its key. */
  record Row(String url, String key, String payload) {}

  long startFile(Start start, String fileName, List<Row> rows, Set<String> hosts, Staff actor) {
    Agency agency = agency(start.agency(), actor);
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (rows.isEmpty()) {
      problems.add(new Refusal.FieldProblem("file", "import.file.empty"));
    }
    for (String host : hosts) {
      guard
          .privateAddress(host)
          .ifPresent(reason -> problems.add(new Refusal.FieldProblem("file", reason, host)));
    }
    ImportJob job = job(start, agency, ImportJob.FILE, List.of(), hosts, fileName, actor, problems);
    return create(
        job,
        start,
        actor,
        id -> rows.forEach(r -> imports.enqueue(id, r.url(), r.key(), 0, r.payload())));
  }

  private ImportJob job(
      Start start,
      Agency agency,
      String kind,
      List<String> urls,
      Set<String> hosts,
      String fileName,
      Staff actor,
      List<Refusal.FieldProblem> problems) {
    Map<String, Long> mapping = start.columnMapping() == null ? Map.of() : start.columnMapping();
    problems.addAll(mappings.problems(agency.id(), mapping));
    double rate =
        start.rateLimitPerSecond() == null ? settings.ratePerSecond() : start.rateLimitPerSecond();
    if (!(rate > 0 && rate <= 1000)) {
      problems.add(new Refusal.FieldProblem("rateLimitPerSecond", "import.rate.invalid"));
    }
    int max = start.maxDocuments() == null ? settings.maxDocuments() : start.maxDocuments();
    if (max < 1) {
      problems.add(new Refusal.FieldProblem("maxDocuments", "import.max-documents.invalid"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return new ImportJob(
        0,
        agency.id(),
        kind,
        start.dryRun(),
        ImportState.QUEUED,
        urls,
        hosts,
        rate,
        max,
        fileName,
        null,
        actor.username(),
        clock.instant(),
        null);
  }

  private long create(
      ImportJob job, Start start, Staff actor, java.util.function.LongConsumer frontier) {
    Long id =
        transactions.execute(
            tx -> {
              if (start.columnMapping() != null && !start.columnMapping().isEmpty()) {
                mappings.put(job.agencyId(), start.columnMapping(), actor);
              }
              long jobId = imports.insertJob(job);
              frontier.accept(jobId);
              audit.record(
                  actor.username(),
                  "import.started",
                  "import",
                  jobId,
                  (job.dryRun() ? "dry run " : "")
                      + job.kind()
                      + " "
                      + (job.fileName() != null
                          ? job.fileName()
                          : String.join(" ", job.startUrls())));
              return jobId;
            });
    return id;
  }

  /**
   * The agency's id; refuses an unknown agency, or one the actor does not administer, before a file
   * is read.
   */
  long agencyId(String code, Staff actor) {
    return agency(code, actor).id();
  }

  private Agency agency(String code, Staff actor) {
    if (code == null || code.isBlank()) {
      throw Refusal.invalidField("agency", "document.agency.required");
    }
    Agency agency =
        agencies
            .findByCode(code.strip())
            .orElseThrow(() -> Refusal.invalidField("agency", "agency.not-found"));
    access.requireAdministrator(actor, agency.id());
    return agency;
  }

  /** The import, to whoever may administer its agency. */
  ImportJob get(long id, Staff actor) {
    ImportJob job = imports.job(id).orElseThrow(() -> Refusal.notFound("import.not-found"));
    access.requireAdministrator(actor, job.agencyId());
    return job;
  }

  List<ImportJob> list(Staff actor) {
    if (actor.isPlatformAdmin()) {
      return imports.jobs(null, 200);
    }
    List<Long> scope =
        access.agencyScope(actor).stream().filter(a -> access.mayWorkOn(actor, a)).toList();
    return imports.jobs(scope, 200).stream().filter(j -> administers(actor, j.agencyId())).toList();
  }

  boolean administers(Staff actor, long agencyId) {
    try {
      access.requireAdministrator(actor, agencyId);
      return true;
    } catch (Refusal notTheirs) {
      return false;
    }
  }

  void cancel(long id, Staff actor) {
    ImportJob job = get(id, actor);
    if (!job.state().active()) {
      throw Refusal.conflict("import.not-active");
    }
    transactions.executeWithoutResult(
        tx -> {
          if (!imports.transition(id, job.state(), ImportState.CANCELLED, null, clock.instant())) {
            throw Refusal.conflict("import.not-active");
          }
          audit.record(actor.username(), "import.cancelled", "import", id, job.state().name());
        });
  }
}
