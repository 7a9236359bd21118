package org.gongkai.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.analytics.VisitHistory;
import org.gongkai.assessment.AssessmentDesk;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.decision.DecisionRegister;
import org.gongkai.foi.InformationRequests;
import org.gongkai.interaction.InteractionDesk;
import org.gongkai.monitor.Monitor;
import org.gongkai.power.PowerCatalog;
import org.gongkai.shared.execution.PlatformExecutors;
import org.gongkai.site.Offers;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.Sites;
import org.gongkai.topic.TopicDesk;
import org.gongkai.websitereport.WebsiteReportDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo on a fresh installation only: 临江市人民政府 (a fictional city), its departments with
 * their guides and columns, and several hundred documents over the last five years written from the
 * templates in {@link DemoDocuments}, brought in as imported publications with their original
 * dates, plus a few documents left at each workflow stage.
 */
@Component
@Order(100)
class DemoContent implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
  private static final String MARKER = "demo.seeded";

  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final Editorial editorial;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Executor files;
  private final DemoActivity activity;
  private final DemoSites demoSites;
  private final DemoWorkflow workflow;
  private final DemoTopics demoTopics;
  private final DemoDecisions decisions;
  private final DemoVisits visits;
  private final DemoWebsiteReport websiteReport;
  private final Sites sites;
  private final boolean enabled;

  DemoContent(
      AgencyDirectory agencies,
      Accounts accounts,
      Editorial editorial,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock,
      InformationRequests requests,
      WorkingCalendar calendar,
      PowerCatalog powers,
      Monitor monitor,
      ConsultationDesk consultations,
      InteractionDesk interaction,
      AssessmentDesk assessments,
      @Qualifier(PlatformExecutors.EVENTS) Executor files,
      Sites sites,
      SiteLayouts layouts,
      Offers offers,
      Catalog catalog,
      TopicDesk topics,
      DecisionRegister register,
      VisitHistory visitHistory,
      WebsiteReportDesk websiteReports,
      DemoProperties settings) {
    // Read here rather than by a condition on the bean, which a start ahead of time would have
    // fixed when the jar was built.
    this.enabled = settings.demo();
    this.visits = new DemoVisits(visitHistory);
    this.websiteReport = new DemoWebsiteReport(websiteReports, sites, clock);
    this.sites = sites;
    this.demoTopics = new DemoTopics(topics, clock);
    this.decisions = new DemoDecisions(register, calendar, clock);
    this.activity =
        new DemoActivity(
            agencies,
            editorial,
            clock,
            requests,
            calendar,
            powers,
            monitor,
            consultations,
            interaction,
            assessments);
    this.demoSites = new DemoSites(sites, layouts, agencies, offers, catalog);
    this.workflow = new DemoWorkflow(agencies, accounts, editorial, clock);
    this.files = files;
    this.agencies = agencies;
    this.accounts = accounts;
    this.editorial = editorial;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    boolean seeded =
        jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = ?")
                .param(MARKER)
                .query(Long.class)
                .single()
            > 0;
    if (seeded || !agencies.all().isEmpty()) {
      return;
    }
    Staff admin = accounts.findByUsername("admin").orElse(null);
    if (admin == null) {
      return;
    }
    long started = System.nanoTime();
    int count =
        transactions.execute(
            tx -> {
              int n = seed(admin);
              jdbc.sql("INSERT INTO platform_setting (name, setting_value) VALUES (?, ?)")
                  .params(MARKER, Instant.now(clock).toString())
                  .update();
              return n;
            });
    log.info(
        "demo content created: {} documents in {} ms",
        count,
        (System.nanoTime() - started) / 1_000_000);
    // A year and more of counts is some tens of thousands of rows: written after the start.
    files.execute(this::visits);
  }

  private void visits() {
    try {
      long started = System.nanoTime();
      LocalDate yesterday = LocalDate.now(clock).minusDays(1);
      LocalDate from = LocalDate.of(yesterday.getYear() - 1, 1, 1);
      long views = visits.days(sites.fallback().id(), portalPages(), from, yesterday);
      log.info(
          "demo visits written: {} page views from {} in {} ms",
          views,
          from,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.info("demo visits not written: {}", e.getMessage());
    }
  }

  /** The city portal's pages, weighted: the home page and search first, a few documents next. */
  private List<DemoVisits.Page> portalPages() {
    List<DemoVisits.Page> pages = new ArrayList<>();
    pages.add(new DemoVisits.Page("/", 28));
    pages.add(new DemoVisits.Page("/search", 6));
    pages.add(new DemoVisits.Page("/foi/apply", 2));
    pages.add(new DemoVisits.Page("/topics", 3));
    for (Agency agency : agencies.all()) {
      pages.add(new DemoVisits.Page("/agencies/" + agency.code(), 1.5));
      agencies.visibleColumns(agency.id()).stream()
          .limit(1)
          .forEach(
              c ->
                  pages.add(
                      new DemoVisits.Page(
                          "/agencies/" + agency.code() + "?column=" + c.id(), 0.6)));
    }
    List<Long> documents =
        jdbc.sql(
                "SELECT document_id FROM edition WHERE state = 'PUBLISHED'"
                    + " AND disclosure_mode = 'PROACTIVE' ORDER BY document_id DESC"
                    + " FETCH FIRST 30 ROWS ONLY")
            .query(Long.class)
            .list();
    for (int i = 0; i < documents.size(); i++) {
      pages.add(new DemoVisits.Page("/documents/" + documents.get(i), 12.0 / (i + 2)));
    }
    return pages;
  }

  private int seed(Staff admin) {
    Random random = new Random(20261126L);
    List<Agency> all = new ArrayList<>();
    Agency city = agencies.create(DemoAgencies.form(DemoAgencies.CITY, null, 0), admin.username());
    all.add(city);
    for (int i = 0; i < DemoAgencies.DEPARTMENTS.size(); i++) {
      all.add(
          agencies.create(
              DemoAgencies.form(DemoAgencies.DEPARTMENTS.get(i), city.id(), i + 1),
              admin.username()));
    }
    Agency commerce = all.get(1);
    agencies.create(
        DemoAgencies.form(DemoAgencies.COMMERCE_OFFICE, commerce.id(), 50), admin.username());

    LocalDate today = LocalDate.now(clock);
    LocalDate start = today.minusYears(5);
    List<Pending> pending = new ArrayList<>();
    for (Agency agency : all) {
      DemoAgencies.Dept dept = DemoAgencies.deptOf(agency.name());
      Map<ColumnType, Column> columns = new HashMap<>();
      agencies.columns(agency.id()).forEach(c -> columns.put(c.type(), c));
      pending.add(
          new Pending(
              agency,
              columns.get(ColumnType.FUNCTIONS),
              DemoDocuments.functions(agency.name()),
              at(start, random),
              List.of(),
              null));
      for (int year = start.getYear() + 1; year <= today.getYear(); year++) {
        LocalDate reportDay = LocalDate.of(year, 1, 20 + random.nextInt(8));
        if (!reportDay.isAfter(today)) {
          pending.add(
              new Pending(
                  agency,
                  columns.get(ColumnType.ANNUAL_REPORT),
                  DemoDocuments.annualReport(agency.name(), year - 1),
                  at(reportDay, random),
                  List.of(),
                  null));
        }
      }
      int perAgency = agency == city ? 70 : 42;
      for (int i = 0; i < perAgency; i++) {
        LocalDate day =
            start.plusDays(random.nextInt((int) (today.toEpochDay() - start.toEpochDay())) + 1);
        DemoDocuments.Kind kind = DemoDocuments.pick(random);
        DocumentForm f = DemoDocuments.document(kind, agency, dept, day, i, random);
        // The files are made on another thread while this one writes the documents before them:
        // POI and PDFBox took a third of the demo's time on the thread that starts the platform.
        List<CompletableFuture<Editorial.Upload>> uploads = new ArrayList<>();
        if (kind.columnType() == ColumnType.STATISTICS
            || (kind.columnType() == ColumnType.NOTICE && i % 4 == 0)) {
          String title = f.getTitle();
          List<List<Object>> rows = DemoDocuments.tableRows(random);
          uploads.add(
              CompletableFuture.supplyAsync(
                  () ->
                      new Editorial.Upload(
                          title + ".xlsx",
                          DemoFiles.spreadsheet(title, DemoDocuments.TABLE_HEADER, rows)),
                  files));
        }
        if (kind.columnType() == ColumnType.POLICY && i % 3 == 0) {
          List<String> lines = List.of("Linjiang " + agency.code(), "Document " + day, "Page 1");
          uploads.add(
              CompletableFuture.supplyAsync(
                  () -> new Editorial.Upload("attachment-" + day + ".pdf", DemoFiles.pdf(lines)),
                  files));
        }
        Pending policy =
            new Pending(agency, columns.get(kind.columnType()), f, at(day, random), uploads, null);
        pending.add(policy);
        if (kind.columnType() == ColumnType.POLICY) {
          pending.add(
              new Pending(
                  agency,
                  columns.get(ColumnType.INTERPRETATION),
                  DemoDocuments.interpretation(f, agency),
                  policy.publishedAt().plusSeconds(3600 + random.nextInt(172_800)),
                  List.of(),
                  policy));
        }
      }
    }
    // Index numbers are handed out in publication order, as they would have been at the time.
    pending.sort(Comparator.comparing(Pending::publishedAt));
    Map<Pending, Long> ids = new IdentityHashMap<>();
    Map<Long, List<Long>> policiesByAgency = new HashMap<>();
    Instant now = Instant.now(clock);
    for (Pending p : pending) {
      p.form().setAgency(p.agency().code());
      p.form().setColumn(p.column().id());
      if (p.interprets() != null) {
        p.form().setInterpretationOf(new ArrayList<>(List.of(ids.get(p.interprets()))));
      }
      Instant when = p.publishedAt().isAfter(now) ? now.minusSeconds(60) : p.publishedAt();
      List<Editorial.Upload> uploads = p.uploads().stream().map(CompletableFuture::join).toList();
      long id = editorial.importPublished(p.form(), when, uploads, admin);
      ids.put(p, id);
      if (p.column().type() == ColumnType.POLICY) {
        policiesByAgency.computeIfAbsent(p.agency().id(), k -> new ArrayList<>()).add(id);
      }
    }
    int documents = pending.size();
    Staff reviewer = workflow.reviewer(commerce, admin);
    documents +=
        workflow.workInProgress(
            commerce, admin, reviewer, policiesByAgency.getOrDefault(commerce.id(), List.of()));
    activity.informationRequests(commerce, admin);
    activity.powerCatalog(commerce, admin, reviewer);
    decisions.year(commerce, admin, reviewer);
    activity.participation(commerce, admin, reviewer);
    activity.assessment(city, all, admin, reviewer);
    demoSites.sites(city, commerce, all.get(2), admin);
    demoTopics.topics(commerce, admin, reviewer);
    websiteReport.lastYear(admin);
    return documents;
  }

  private Instant at(LocalDate day, Random random) {
    Instant instant =
        ZonedDateTime.of(
                day, LocalTime.of(9 + random.nextInt(8), random.nextInt(60)), clock.getZone())
            .toInstant();
    Instant now = Instant.now(clock);
    return instant.isAfter(now) ? now.minusSeconds(60) : instant;
  }

  private record Pending(
      Agency agency,
      Column column,
      DocumentForm form,
      Instant publishedAt,
      List<CompletableFuture<Editorial.Upload>> uploads,
      Pending interprets) {}
}
