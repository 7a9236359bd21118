package org.gongkai.websitereport.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** A report as one HTML page in the template's layout, for the site's page and for printing. */
@Component
class ReportHtmlExport {

  private final ReportTable table;

  ReportHtmlExport(ReportTable table) {
    this.table = table;
  }

  String html(ReportViews.Report report) {
    ReportTable.Layout layout = table.layout(report);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(e(layout.title()))
        .append("</title><style>")
        .append("body{font-family:\"")
        .append(table.text("website-report.font.text"))
        .append("\",\"FangSong\",serif;max-width:48em;margin:2em auto}")
        .append("h1{font-family:\"")
        .append(table.text("website-report.font.heading"))
        .append("\",\"SimHei\",sans-serif;text-align:center;font-size:1.5em}")
        .append("table{border-collapse:collapse;width:100%}")
        .append("th,td{border:1px solid #000;padding:.3em .5em;vertical-align:middle}")
        .append("th{width:8em;text-align:center}td.n{text-align:right}")
        .append("</style></head><body>\n<h1>")
        .append(e(layout.title()))
        .append("</h1>\n")
        .append(fragment(report))
        .append("</body></html>\n");
    return h.toString();
  }

  /** The report's body without the page around it: the unit, the table, the signatures. */
  String fragment(ReportViews.Report report) {
    ReportTable.Layout layout = table.layout(report);
    StringBuilder h = new StringBuilder();
    h.append("<p>").append(e(layout.unit())).append("</p>\n<table>\n");
    for (ReportTable.Line line : layout.lines()) {
      h.append("<tr>");
      if (line.first()) {
        h.append("<th scope=\"rowgroup\" rowspan=\"")
            .append(line.span())
            .append("\">")
            .append(e(line.section()))
            .append("</th>");
      }
      h.append("<td>")
          .append(e(line.label()))
          .append("</td><td")
          .append(line.number() ? " class=\"n\"" : "")
          .append(">")
          .append(e(line.value()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n<p>");
    for (ReportTable.Signature s : layout.signatures()) {
      h.append(e(s.label()))
          .append(e(table.text("website-report.colon")))
          .append(e(s.value()))
          .append("&emsp;&emsp;");
    }
    h.append("</p>\n");
    return h.toString();
  }

  private static String e(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
