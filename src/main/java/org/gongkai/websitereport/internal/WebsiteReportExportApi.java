package org.gongkai.websitereport.internal;

import java.nio.charset.StandardCharsets;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports as files in the template's layout: {@code format=docx|xlsx|html}. A frozen report
 * exports its frozen figures; a draft its figures of the moment.
 */
@RestController
@RequestMapping("/api/v1/admin/website-reports/{year}")
class WebsiteReportExportApi {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final WebsiteReports reports;
  private final ReportAccess access;
  private final ReportExports exports;

  WebsiteReportExportApi(WebsiteReports reports, ReportAccess access, ReportExports exports) {
    this.reports = reports;
    this.access = access;
    this.exports = exports;
  }

  @GetMapping("/export")
  ResponseEntity<byte[]> site(
      @PathVariable int year,
      @RequestParam(required = false) Long site,
      @RequestParam(defaultValue = "html") String format) {
    if (site == null) {
      access.readable(null, access.current());
    }
    return file(reports.site(site, year, access.current()), format, "website-report-" + site);
  }

  @GetMapping("/supervision/export")
  ResponseEntity<byte[]> supervision(
      @PathVariable int year, @RequestParam(defaultValue = "html") String format) {
    return file(reports.supervision(year, access.current()), format, "supervision-report");
  }

  private ResponseEntity<byte[]> file(ReportViews.Report report, String format, String name) {
    String fileName = name + "-" + report.year() + "." + format;
    ReportExports.Format chosen =
        switch (format) {
          case "docx" -> ReportExports.Format.DOCX;
          case "xlsx" -> ReportExports.Format.XLSX;
          case "html" -> ReportExports.Format.HTML;
          default -> throw Refusal.invalidField("format", "error.invalid-value", "format");
        };
    MediaType type =
        switch (chosen) {
          case DOCX -> DOCX;
          case XLSX -> XLSX;
          case HTML -> new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
        };
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(exports.export(report, chosen));
  }
}
