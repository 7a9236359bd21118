package org.gongkai.websitereport.internal;

import java.util.Map;
import org.gongkai.shared.web.Refusal;
import org.gongkai.websitereport.internal.ReportViews.Entered;
import org.gongkai.websitereport.internal.ReportViews.Report;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly website reports for staff: a site's report ({@code ?site=ID}) or the network's
 * supervision report ({@code /supervision}), each figure with its source; figures entered with
 * their source, and freezing. Keys and sources: docs/website-report.md.
 */
@RestController
@RequestMapping("/api/v1/admin/website-reports/{year}")
class WebsiteReportApi {

  private final WebsiteReports reports;
  private final ReportAccess access;

  WebsiteReportApi(WebsiteReports reports, ReportAccess access) {
    this.reports = reports;
    this.access = access;
  }

  @GetMapping
  Report site(@PathVariable int year, @RequestParam(required = false) Long site) {
    if (site == null) {
      access.readable(null, access.current());
    }
    return reports.site(site, year, access.current());
  }

  @GetMapping("/supervision")
  Report supervision(@PathVariable int year) {
    return reports.supervision(year, access.current());
  }

  /** {@code {"key": {"value": "…", "source": "…"}}}; all or nothing. */
  @PutMapping("/figures")
  Report enter(
      @PathVariable int year,
      @RequestParam(required = false) Long site,
      @RequestBody Map<String, Entered> figures) {
    requireSite(site);
    return reports.enter(site, year, figures, access.current());
  }

  @PostMapping("/freeze")
  Report freeze(@PathVariable int year, @RequestParam(required = false) Long site) {
    requireSite(site);
    return reports.freeze(site, year, access.current());
  }

  @PutMapping("/supervision/figures")
  Report enterSupervision(@PathVariable int year, @RequestBody Map<String, Entered> figures) {
    return reports.enter(null, year, figures, access.current());
  }

  @PostMapping("/supervision/freeze")
  Report freezeSupervision(@PathVariable int year) {
    return reports.freeze(null, year, access.current());
  }

  /** Without a site: refused as not allowed to whoever may not change every site, else as bad. */
  private void requireSite(Long site) {
    if (site == null) {
      if (!access.current().isPlatformAdmin()) {
        throw Refusal.forbidden("website-report.forbidden");
      }
      access.readable(null, access.current());
    }
  }
}
