package org.gongkai.websitereport.internal;

import java.util.List;
import org.gongkai.websitereport.internal.ReportViews.Report;
import org.gongkai.websitereport.internal.ReportViews.Version;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Correcting a published website report: opening a correction ({@code {"reason": "…"}}), then
 * entering and freezing as for a draft; and every frozen version, the earlier ones kept.
 */
@RestController
@RequestMapping("/api/v1/admin/website-reports/{year}")
class WebsiteReportCorrectionApi {

  /** Why the report is corrected. */
  record CorrectionForm(String reason) {}

  private final ReportCorrections corrections;
  private final ReportAccess access;

  WebsiteReportCorrectionApi(ReportCorrections corrections, ReportAccess access) {
    this.corrections = corrections;
    this.access = access;
  }

  @PostMapping("/correction")
  Report open(
      @PathVariable int year,
      @RequestParam(required = false) Long site,
      @RequestBody CorrectionForm form) {
    requireSite(site);
    return corrections.open(site, year, form.reason(), access.current());
  }

  @PostMapping("/supervision/correction")
  Report openSupervision(@PathVariable int year, @RequestBody CorrectionForm form) {
    return corrections.open(null, year, form.reason(), access.current());
  }

  @GetMapping("/versions")
  List<Version> versions(@PathVariable int year, @RequestParam(required = false) Long site) {
    requireSite(site);
    return corrections.versions(site, year, access.current());
  }

  @GetMapping("/versions/{version}")
  Report version(
      @PathVariable int year,
      @PathVariable int version,
      @RequestParam(required = false) Long site) {
    requireSite(site);
    return corrections.version(site, year, version, access.current());
  }

  @GetMapping("/supervision/versions")
  List<Version> supervisionVersions(@PathVariable int year) {
    return corrections.versions(null, year, access.current());
  }

  @GetMapping("/supervision/versions/{version}")
  Report supervisionVersion(@PathVariable int year, @PathVariable int version) {
    return corrections.version(null, year, version, access.current());
  }

  /** Without a site: refused as the report API refuses it. */
  private void requireSite(Long site) {
    if (site == null) {
      access.readable(null, access.current());
    }
  }
}
