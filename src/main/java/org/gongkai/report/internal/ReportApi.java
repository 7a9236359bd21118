package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.MonthlyStatistics;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff API for reports. The annual report's JSON carries every table cell under the stable
 * keys documented in docs/reports.md; {@code format=docx|xlsx|html} gives the exports.
 */
@RestController
@RequestMapping("/api/v1/admin/reports")
class ReportApi {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AnnualReports reports;
  private final ReportCases cases;
  private final ReportEntries entries;
  private final ReportDocx docx;
  private final ReportXlsx xlsx;
  private final ReportHtml html;
  private final MonthlyReports monthly;
  private final Dashboards dashboards;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final Sites sites;

  ReportApi(
      AnnualReports reports,
      ReportCases cases,
      ReportEntries entries,
      ReportDocx docx,
      ReportXlsx xlsx,
      ReportHtml html,
      MonthlyReports monthly,
      Dashboards dashboards,
      AgencyDirectory agencies,
      StaffAccess access,
      Sites sites) {
    this.sites = sites;
    this.reports = reports;
    this.cases = cases;
    this.entries = entries;
    this.docx = docx;
    this.xlsx = xlsx;
    this.html = html;
    this.monthly = monthly;
    this.dashboards = dashboards;
    this.agencies = agencies;
    this.access = access;
  }

  @GetMapping("/annual")
  ResponseEntity<?> annual(
      @RequestParam String agency,
      @RequestParam int year,
      @RequestParam(required = false) String format) {
    AnnualReport report = reports.build(agency, year, access.current());
    String name = report.agency() + "-" + year;
    if (format == null || format.isBlank() || format.equals("json")) {
      return ResponseEntity.ok(report);
    }
    return switch (format) {
      case "docx" -> file(docx.render(report), DOCX, name + ".docx");
      case "xlsx" -> file(xlsx.annual(report), XLSX, name + ".xlsx");
      case "html" ->
          ResponseEntity.ok()
              .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
              .body(html.standalone(report));
      default -> throw Refusal.invalidField("format", "report.format.unknown");
    };
  }

  @GetMapping("/annual/overview")
  List<AnnualReport> overview(@RequestParam int year) {
    return reports.overview(year, access.current());
  }

  @PutMapping("/annual/figures")
  AnnualReport figures(
      @RequestParam String agency,
      @RequestParam int year,
      @RequestBody Map<String, BigDecimal> figures) {
    entries.saveFigures(agency, year, figures, access.current());
    return reports.build(agency, year, access.current());
  }

  record Correction(String key, BigDecimal amount, String reason) {}

  /**
   * Corrects a figure table 二 counts from the catalog (documents older than the platform), with the
   * reason.
   */
  @PutMapping("/annual/corrections")
  AnnualReport correct(
      @RequestParam String agency, @RequestParam int year, @RequestBody Correction body) {
    entries.saveCorrection(
        agency, year, body.key(), body.amount(), body.reason(), access.current());
    return reports.build(agency, year, access.current());
  }

  record SectionText(String text) {}

  @PutMapping("/annual/sections/{section}")
  AnnualReport section(
      @RequestParam String agency,
      @RequestParam int year,
      @PathVariable String section,
      @RequestBody SectionText body) {
    entries.saveSection(agency, year, section, body.text(), access.current());
    return reports.build(agency, year, access.current());
  }

  record Drafted(long document) {}

  @PostMapping("/annual/publication")
  ResponseEntity<Drafted> publish(@RequestParam String agency, @RequestParam int year) {
    long document = reports.publish(agency, year, access.current());
    return ResponseEntity.created(URI.create("/api/v1/admin/documents/" + document))
        .body(new Drafted(document));
  }

  record Recorded(long id) {}

  @PostMapping("/cases")
  ResponseEntity<Recorded> recordCase(
      @RequestParam String agency, @RequestBody ReportCases.CaseForm form) {
    long id = cases.recordCase(agency, form, access.current());
    return ResponseEntity.status(201).body(new Recorded(id));
  }

  @GetMapping("/cases")
  List<ReportCases.Case> cases(@RequestParam String agency) {
    return cases.cases(agency, access.current());
  }

  @GetMapping("/monthly")
  ResponseEntity<?> monthly(
      @RequestParam String agency,
      @RequestParam String month,
      @RequestParam(required = false) String format) {
    MonthlyStatistics stats = monthly.month(agency, month(month), access.current());
    if ("xlsx".equals(format)) {
      return file(monthly.xlsx(stats), XLSX, stats.agency() + "-" + stats.month() + ".xlsx");
    }
    return ResponseEntity.ok(stats);
  }

  @GetMapping("/dashboard")
  Dashboards.Dashboard dashboard(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long site,
      Locale locale) {
    return dashboard(agency, site, from, to, locale, access.current());
  }

  @GetMapping("/dashboard/{table}.csv")
  ResponseEntity<String> csv(
      @PathVariable String table,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long site,
      Locale locale) {
    Dashboards.Table t =
        dashboard(agency, site, from, to, locale, access.current()).tables().stream()
            .filter(x -> x.key().equals(table))
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("dashboard.table.unknown"));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(table + ".csv").build().toString())
        .body(Dashboards.csv(t));
  }

  /**
   * The figures of an agency with its subtree, of the agencies a website shows ({@code site}, for
   * staff whose scope holds them all), or of the whole platform (platform administrators).
   */
  Dashboards.Dashboard dashboard(
      String agency, Long site, String from, String to, Locale locale, Staff actor) {
    YearMonth end = to == null || to.isBlank() ? dashboards.defaultTo() : month(to);
    YearMonth start = from == null || from.isBlank() ? end.minusMonths(11) : month(from);
    if (start.isAfter(end) || start.plusMonths(120).isBefore(end)) {
      throw Refusal.invalidField("from", "dashboard.range.invalid");
    }
    if (site != null) {
      Site s = sites.find(site).orElseThrow(() -> Refusal.notFound("error.not-found"));
      Set<Long> scope =
          sites
              .agencyScope(s)
              .orElseGet(() -> agencies.all().stream().map(Agency::id).collect(Collectors.toSet()));
      if (!actor.isPlatformAdmin()) {
        scope.forEach(id -> access.requireAgency(actor, id));
      }
      return dashboards.build(scope, s.name(), start, end, locale);
    }
    if (agency == null || agency.isBlank()) {
      access.requirePlatformAdmin(actor);
      return dashboards.build(
          agencies.all().stream().map(Agency::id).collect(Collectors.toSet()),
          "",
          start,
          end,
          locale);
    }
    Agency a =
        agencies.findByCode(agency.trim()).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    access.requireAgency(actor, a.id());
    return dashboards.build(agencies.subtree(a.id()), a.name(), start, end, locale);
  }

  static YearMonth month(String month) {
    try {
      return YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw Refusal.invalidField("month", "foi.month.invalid");
    }
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(content);
  }
}
