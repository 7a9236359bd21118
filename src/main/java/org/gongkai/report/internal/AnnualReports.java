package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.ColumnType;
import org.gongkai.agency.ReportLevel;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogFigures;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Editorial;
import org.gongkai.decision.DecisionFigures;
import org.gongkai.decision.DecisionKind;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.foi.RequestTable;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds annual reports from the catalog, the information requests, the recorded cases
 * (ReportCases) and what staff enter (ReportEntries), and drafts them for publication. A
 * government's report (an agency at the top of the tree) counts its whole tree and is due on 31
 * March; a department's on 31 January.
 */
@Service
class AnnualReports {

  private final AnnualReportRepository stored;
  private final AgencyDirectory agencies;
  private final CatalogFigures catalogFigures;
  private final Catalog catalog;
  private final Editorial editorial;
  private final FoiStatistics foi;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final ReportHtml html;
  private final ReportCases cases;
  private final DecisionFigures decisions;
  private final Clock clock;

  AnnualReports(
      AnnualReportRepository stored,
      AgencyDirectory agencies,
      CatalogFigures catalogFigures,
      Catalog catalog,
      Editorial editorial,
      FoiStatistics foi,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      ReportHtml html,
      ReportCases cases,
      DecisionFigures decisions,
      Clock clock) {
    this.decisions = decisions;
    this.stored = stored;
    this.agencies = agencies;
    this.catalogFigures = catalogFigures;
    this.catalog = catalog;
    this.editorial = editorial;
    this.foi = foi;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.html = html;
    this.cases = cases;
    this.clock = clock;
  }

  /** Whether the year's report has been drafted for publication, its figures fixed. */
  boolean frozen(long agencyId, int year) {
    return stored.frozen(agencyId, year);
  }

  AnnualReport build(String agencyCode, int year, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    return build(agency, year);
  }

  AnnualReport build(Agency agency, int year) {
    if (year < 2008 || year > LocalDate.now(clock).getYear()) {
      throw Refusal.invalidField("year", "report.year.invalid");
    }
    ReportFormat format = ReportFormat.forYear(year);
    Set<Long> scope =
        agency.reportsForSubtree() ? agencies.subtree(agency.id()) : Set.of(agency.id());
    AnnualReport.Level level =
        agency.reportLevel() == ReportLevel.GOVERNMENT
            ? AnnualReport.Level.GOVERNMENT
            : AnnualReport.Level.DEPARTMENT;
    Map<String, BigDecimal> frozen = stored.frozenCells(agency.id(), year);
    LocalDate deadline =
        level == AnnualReport.Level.GOVERNMENT
            ? LocalDate.of(year + 1, 3, 31)
            : LocalDate.of(year + 1, 1, 31);
    Map<String, BigDecimal> cells = new LinkedHashMap<>();

    List<AnnualReport.Entered> entered = stored.entered(agency.id(), year);
    Map<String, BigDecimal> enteredByKey = new HashMap<>();
    entered.forEach(e -> enteredByKey.put(e.key(), e.amount()));
    List<AnnualReport.Table2Block> table2 = new ArrayList<>();
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Map<DecisionKind, Long> decided = decisions.decided(scope, first, last);
    BigDecimal feeTotal = decisions.feesWan(scope, first, last);
    for (ReportFormat.Block block : format.table2()) {
      List<AnnualReport.Table2Row> rows = new ArrayList<>();
      for (String row : block.rows()) {
        List<BigDecimal> values = new ArrayList<>();
        List<Long> catalog = null;
        if (block.source() == ReportFormat.Source.CATALOG) {
          var figures = catalogFigures.kindFigures(scope, DocumentKind.valueOf(row), year);
          catalog =
              format == ReportFormat.V2021
                  ? List.of(
                      (long) figures.issued(), (long) figures.repealed(), (long) figures.inForce())
                  : List.of(
                      (long) figures.issued(), (long) figures.published(), (long) figures.live());
        }
        for (int c = 0; c < block.columns().size(); c++) {
          String column = block.columns().get(c);
          BigDecimal byHand = enteredByKey.get(block.key() + "." + row + "." + column);
          BigDecimal counted =
              switch (block.source(row, column)) {
                case CATALOG -> BigDecimal.valueOf(catalog.get(c));
                case REGISTER ->
                    column.equals("FEE_AMOUNT")
                        ? feeTotal
                        : BigDecimal.valueOf(decided.get(DecisionKind.valueOf(row)));
                case ENTERED -> null;
              };
          // A correction entered by hand (what predates the platform) replaces the count.
          values.add(byHand != null ? byHand : counted);
        }
        for (int c = 0; c < block.columns().size(); c++) {
          String cell = "table2." + block.key() + "." + row + "." + block.columns().get(c);
          if (frozen.containsKey(cell)) {
            values.set(c, frozen.get(cell));
          }
          cells.put(cell, values.get(c));
        }
        rows.add(new AnnualReport.Table2Row(row, values));
      }
      table2.add(new AnnualReport.Table2Block(block.key(), block.columns(), rows));
    }

    RequestTable requests = foi.table(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    Map<String, BigDecimal> lastYear = stored.frozenCells(agency.id(), year - 1);
    List<Integer> publishedForward = ReportTables.carriedForward(lastYear);
    // Next year's 上年结转 must equal what this report published as 结转下年度; a difference stays
    // where it is and is shown as a violation (ConsistencyRules), never moved into another row.
    List<AnnualReport.Table3Row> table3 =
        frozen.isEmpty()
            ? ReportTables.table3(requests, format)
            : ReportTables.frozenTable3(ReportTables.table3(requests, format), frozen);
    for (AnnualReport.Table3Row r : table3) {
      for (int c = 0; c < 7; c++) {
        cells.put(
            "table3." + r.key() + "." + RequestTable.COLUMN_KEYS.get(c),
            BigDecimal.valueOf(r.cells().get(c)));
      }
    }
    var fees = foi.fees(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    var handling = foi.handling(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    cells.put(
        "six.requests.concluded",
        frozen.getOrDefault("six.requests.concluded", BigDecimal.valueOf(handling.concluded())));
    cells.put(
        "six.requests.late",
        frozen.getOrDefault("six.requests.late", BigDecimal.valueOf(handling.late())));
    cells.put(
        "six.requests.recorded-late",
        frozen.getOrDefault(
            "six.requests.recorded-late", BigDecimal.valueOf(handling.recordedLate())));
    cells.put(
        "six.fees.notices",
        frozen.getOrDefault("six.fees.notices", BigDecimal.valueOf(fees.notices())));
    cells.put("six.fees.charged", frozen.getOrDefault("six.fees.charged", fees.charged()));
    cells.put("six.fees.collected", frozen.getOrDefault("six.fees.collected", fees.collected()));
    List<AnnualReport.Table4Row> table4 =
        frozen.isEmpty() ? cases.table4(scope, year) : ReportTables.frozenTable4(frozen);
    for (AnnualReport.Table4Row r : table4) {
      for (int c = 0; c < 5; c++) {
        String column = c < 4 ? ReportCases.CASE_RESULTS.get(c) : "TOTAL";
        cells.put("table4." + r.key() + "." + column, BigDecimal.valueOf(r.cells().get(c)));
      }
    }
    Map<String, String> sections = stored.sections(agency.id(), year);
    List<AnnualReport.Violation> violations =
        ConsistencyRules.check(table3, table4, table2, sections, publishedForward);
    Optional<Long> documentId = stored.publication(agency.id(), year);
    boolean published = documentId.map(this::isLive).orElse(false);
    boolean late = !published && LocalDate.now(clock).isAfter(deadline);
    return new AnnualReport(
        agency.code(),
        agency.name(),
        year,
        format,
        level,
        deadline,
        late,
        sections,
        table2,
        table3,
        table4,
        cells,
        entered,
        violations,
        documentId.orElse(null),
        published,
        !frozen.isEmpty());
  }

  private boolean isLive(long documentId) {
    try {
      catalog.publicDocument(documentId);
      return true;
    } catch (Refusal notPublished) {
      return false;
    }
  }

  /**
   * Drafts the report as a catalog document in the agency's 年度报告 column; it is published through
   * the normal review like any other document. Refused while a consistency rule fails.
   */
  long publish(String agencyCode, int year, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    AnnualReport report = build(agency, year);
    if (!report.publishable()) {
      AnnualReport.Violation first = report.violations().get(0);
      throw Refusal.conflict(
          "report.not-publishable",
          report.violations().size(),
          new DefaultMessageSourceResolvable(
              new String[] {first.messageKey()}, first.arguments().toArray()));
    }
    if (report.documentId() != null) {
      throw Refusal.conflict("report.already-drafted", String.valueOf(report.documentId()));
    }
    var column =
        agencies
            .column(agency.id(), ColumnType.ANNUAL_REPORT)
            .orElseThrow(() -> Refusal.conflict("report.no-column"));
    DocumentForm form = new DocumentForm();
    form.setAgency(agency.code());
    form.setColumn(column.id());
    form.setTitle(html.title(report));
    form.setIssuedOn(LocalDate.now(clock));
    form.setDisclosureMode(DisclosureMode.PROACTIVE);
    form.setBody(html.body(report));
    return transactions.execute(
        tx -> {
          long documentId = editorial.createDraft(form, actor);
          Instant now = Instant.now(clock);
          // The figures are fixed as they are published: later steps on requests or documents do
          // not change them.
          stored.freeze(agency.id(), year, report.cells(), actor.username(), now);
          stored.recordPublication(agency.id(), year, documentId, actor.username(), now);
          audit.record(
              actor.username(),
              "report.drafted",
              "agency",
              agency.id(),
              year + " document " + documentId);
          return documentId;
        });
  }

  /** Every agency in the actor's scope with its report for the year: who is late. */
  List<AnnualReport> overview(int year, Staff actor) {
    return access.agenciesInScope(actor).stream().map(a -> build(a, year)).toList();
  }

  private Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.trim())
        .orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }
}
