package org.gongkai.websitereport.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The three exports of a report, for the API, the console and the published page. */
@Component
class ReportExports {

  enum Format {
    DOCX,
    XLSX,
    HTML
  }

  private final ReportDocxExport docx;
  private final ReportXlsxExport xlsx;
  private final ReportHtmlExport html;

  ReportExports(ReportDocxExport docx, ReportXlsxExport xlsx, ReportHtmlExport html) {
    this.docx = docx;
    this.xlsx = xlsx;
    this.html = html;
  }

  byte[] export(ReportViews.Report report, Format format) {
    return switch (format) {
      case DOCX -> docx.docx(report);
      case XLSX -> xlsx.xlsx(report);
      case HTML -> html.html(report).getBytes(StandardCharsets.UTF_8);
    };
  }
}
