package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.gongkai.websitereport.internal.ReportViews.Entered;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The website reports in the console: a site's report of a year (or the network's supervision
 * report, {@code site} absent, for platform administrators), each row with its source, the entered
 * rows as a form, the checks, freezing and the exports. A refused entry shows the page again with
 * everything that was typed.
 */
@Controller
class WebsiteReportConsoleController {

  private static final String PAGE = "websitereport/console";

  private final WebsiteReports reports;
  private final ReportAccess access;
  private final ReportTable table;
  private final Sites sites;
  private final Clock clock;
  private final ReportCorrections corrections;

  WebsiteReportConsoleController(
      WebsiteReports reports,
      ReportAccess access,
      ReportTable table,
      Sites sites,
      Clock clock,
      ReportCorrections corrections) {
    this.corrections = corrections;
    this.reports = reports;
    this.access = access;
    this.table = table;
    this.sites = sites;
    this.clock = clock;
  }

  @GetMapping("/console/website-reports")
  String page(
      @RequestParam(required = false) Long site,
      @RequestParam(required = false) Integer year,
      Model model) {
    Staff me = access.current();
    int chosenYear = year == null ? LocalDate.now(clock).getYear() - 1 : year;
    List<Site> readable = access.readableSites(me);
    model.addAttribute("sites", readable);
    model.addAttribute("year", chosenYear);
    model.addAttribute("supervisionAllowed", me.isPlatformAdmin());
    if (site == null && !me.isPlatformAdmin()) {
      if (readable.isEmpty()) {
        return PAGE;
      }
      site = readable.get(0).id();
    }
    ReportViews.Report report =
        site == null ? reports.supervision(chosenYear, me) : reports.site(site, chosenYear, me);
    show(model, report, Map.of(), Map.of());
    return PAGE;
  }

  @PostMapping("/console/website-reports/figures")
  String enter(
      @RequestParam(required = false) Long site,
      @RequestParam int year,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    Map<String, Entered> figures = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("v.")) {
            String key = name.substring(2);
            String source = form.getOrDefault("s." + key, "");
            values.put(key, value);
            sources.put(key, source);
            if (!value.isBlank() || !source.isBlank()) {
              figures.put(key, new Entered(value, source));
            }
          }
        });
    try {
      reports.enter(site, year, figures, me);
    } catch (Refusal refusal) {
      model.addAttribute("sites", access.readableSites(me));
      model.addAttribute("year", year);
      model.addAttribute("supervisionAllowed", me.isPlatformAdmin());
      ReportViews.Report report =
          site == null ? reports.supervision(year, me) : reports.site(site, year, me);
      show(model, report, values, sources);
      Refusals.show(model, refusal);
      model.addAttribute(
          "fieldProblems",
          refusal.fieldProblems().stream().map(Refusal.FieldProblem::field).toList());
      return PAGE;
    }
    redirect.addFlashAttribute("notice", "website-report.saved");
    return redirect(site, year);
  }

  @PostMapping("/console/website-reports/freeze")
  String freeze(
      @RequestParam(required = false) Long site,
      @RequestParam int year,
      RedirectAttributes redirect) {
    try {
      reports.freeze(site, year, access.current());
      redirect.addFlashAttribute("notice", "website-report.frozen-now");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return redirect(site, year);
  }

  /** Opens a correction of the published report: it becomes a draft again until frozen anew. */
  @PostMapping("/console/website-reports/correction")
  String correct(
      @RequestParam(required = false) Long site,
      @RequestParam int year,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    try {
      corrections.open(site, year, reason, access.current());
      redirect.addFlashAttribute("notice", "website-report.correction.opened");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return redirect(site, year);
  }

  private static String redirect(Long site, int year) {
    return "redirect:/console/website-reports?year=" + year + (site == null ? "" : "&site=" + site);
  }

  private void show(
      Model model,
      ReportViews.Report report,
      Map<String, String> values,
      Map<String, String> sources) {
    model.addAttribute("report", report);
    model.addAttribute("mayChange", access.mayChange(report.site(), access.current()));
    List<ReportViews.Version> versions =
        corrections.versions(report.site(), report.year(), access.current());
    Map<Integer, LocalDate> versionDays = new LinkedHashMap<>();
    versions.forEach(
        v -> versionDays.put(v.version(), LocalDate.ofInstant(v.frozenAt(), clock.getZone())));
    model.addAttribute("versions", versions);
    model.addAttribute("versionDays", versionDays);
    model.addAttribute(
        "frozenOn",
        report.frozenAt() == null ? null : LocalDate.ofInstant(report.frozenAt(), clock.getZone()));
    model.addAttribute("layout", table.layout(report));
    model.addAttribute("typed", values);
    model.addAttribute("typedSources", sources);
    model.addAttribute(
        "siteName",
        report.site() == null ? null : sites.find(report.site()).map(Site::name).orElse(""));
    Map<String, String> shown = new LinkedHashMap<>();
    report.figures().forEach(f -> shown.put(f.key(), table.value(f)));
    model.addAttribute("shown", shown);
    model.addAttribute("problemKeys", report.problems().stream().map(p -> p.key()).toList());
  }
}
