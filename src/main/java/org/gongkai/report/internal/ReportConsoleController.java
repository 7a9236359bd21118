package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.site.Sites;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's reports: who has published, each annual report with its figures and text, the
 * dashboards.
 */
@Controller
@RequestMapping("/console")
class ReportConsoleController {

  private final AnnualReports reports;
  private final ReportCases cases;
  private final ReportEntries entries;
  private final ReportLayout layout;
  private final ReportApi api;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final Clock clock;
  private final Sites sites;

  ReportConsoleController(
      AnnualReports reports,
      ReportCases cases,
      ReportEntries entries,
      ReportLayout layout,
      ReportApi api,
      AgencyDirectory agencies,
      StaffAccess access,
      Clock clock,
      Sites sites) {
    this.sites = sites;
    this.reports = reports;
    this.cases = cases;
    this.entries = entries;
    this.layout = layout;
    this.api = api;
    this.agencies = agencies;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/reports")
  String overview(@RequestParam(required = false) Integer year, Model model) {
    int shown = year == null ? LocalDate.now(clock).getYear() - 1 : year;
    model.addAttribute("year", shown);
    model.addAttribute("reports", reports.overview(shown, access.current()));
    return "report/overview";
  }

  @GetMapping("/reports/annual")
  String annual(@RequestParam String agency, @RequestParam int year, Model model, Locale locale) {
    Staff me = access.current();
    AnnualReport report = reports.build(agency, year, me);
    model.addAttribute("report", report);
    StringBuilder tables = new StringBuilder();
    layout.table2(report, locale).forEach(g -> ReportHtml.table(tables, g));
    model.addAttribute("table2", tables.toString());
    StringBuilder t3 = new StringBuilder();
    ReportHtml.table(t3, layout.table3(report, locale));
    model.addAttribute("table3", t3.toString());
    StringBuilder t4 = new StringBuilder();
    ReportHtml.table(t4, layout.table4(report, locale));
    model.addAttribute("table4", t4.toString());
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    report.format().enteredKeys().forEach(k -> figures.put(k, report.cells().get("table2." + k)));
    model.addAttribute("figures", figures);
    model.addAttribute("correctable", report.format().computedKeys());
    model.addAttribute("cases", cases.cases(agency, me));
    model.addAttribute("caseKinds", ReportCases.CASE_KINDS);
    model.addAttribute("caseResults", ReportCases.CASE_RESULTS);
    return "report/annual";
  }

  @PostMapping("/reports/annual/sections")
  String section(
      @RequestParam String agency,
      @RequestParam int year,
      @RequestParam String section,
      @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    return act(
        agency,
        year,
        redirect,
        () -> entries.saveSection(agency, year, section, text, access.current()),
        "#section-" + section);
  }

  @PostMapping("/reports/annual/corrections")
  String correct(
      @RequestParam String agency,
      @RequestParam int year,
      @RequestParam String key,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    BigDecimal value;
    try {
      value = amount == null || amount.isBlank() ? null : new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      value = null;
    }
    BigDecimal corrected = value;
    return act(
        agency,
        year,
        redirect,
        () -> entries.saveCorrection(agency, year, key, corrected, reason, access.current()),
        "#figures");
  }

  @PostMapping("/reports/annual/figures")
  String figures(
      @RequestParam String agency,
      @RequestParam int year,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    for (String key : ReportFormat.forYear(year).enteredKeys()) {
      String value = form.get("figure." + key);
      if (value != null && !value.isBlank()) {
        try {
          figures.put(key, new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
          figures.put(key, null);
        }
      }
    }
    return act(
        agency,
        year,
        redirect,
        () -> entries.saveFigures(agency, year, figures, access.current()),
        "#figures");
  }

  @PostMapping("/reports/annual/cases")
  String recordCase(
      @RequestParam String agency,
      @RequestParam int year,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate filedOn,
      @RequestParam(required = false) String result,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate concludedOn,
      RedirectAttributes redirect) {
    return act(
        agency,
        year,
        redirect,
        () ->
            cases.recordCase(
                agency,
                new ReportCases.CaseForm(kind, reference, filedOn, result, concludedOn),
                access.current()),
        "#cases");
  }

  @PostMapping("/reports/annual/publication")
  String publish(@RequestParam String agency, @RequestParam int year, RedirectAttributes redirect) {
    try {
      long document = reports.publish(agency, year, access.current());
      redirect.addFlashAttribute("notice", "report.drafted");
      return "redirect:/console/documents/" + document;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/reports/annual?agency=" + agency + "&year=" + year;
    }
  }

  private String act(
      String agency, int year, RedirectAttributes redirect, Runnable action, String anchor) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", "report.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/reports/annual?agency=" + agency + "&year=" + year + anchor;
  }

  @GetMapping("/dashboard")
  String dashboard(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long site,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      Locale locale) {
    Staff me = access.current();
    String selected = agency;
    if (site != null) {
      selected = null;
    } else if ((selected == null || selected.isBlank()) && !me.isPlatformAdmin()) {
      selected =
          agencies.find(me.agencyId() == null ? -1 : me.agencyId()).map(Agency::code).orElse(null);
    }
    var dashboard = api.dashboard(selected, site, from, to, locale, me);
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("site", site);
    model.addAttribute("sites", me.isPlatformAdmin() ? sites.all() : List.of());
    model.addAttribute("agency", selected);
    model.addAttribute("agencies", access.agenciesInScope(me));
    model.addAttribute("from", dashboard.from().toString());
    model.addAttribute("to", dashboard.to().toString());
    return "report/dashboard";
  }
}
