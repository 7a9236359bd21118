package org.gongkai.websitereport.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A report as one HTML page in the annex's layout, for the site's page, the console and printing
 * (A4 upright): the label cells merged with {@code rowspan}/{@code colspan}, each section a row
 * group whose first cell heads it, and every value naming its labels with {@code headers}, so that
 * a screen reader reads 互动交流 — 留言办理 — 收到留言数量 before the figure.
 */
@Component
class ReportHtmlExport {

  private final ReportTable table;

  ReportHtmlExport(ReportTable table) {
    this.table = table;
  }

  String html(ReportViews.Report report) {
    ReportTable.Layout layout = table.layout(report);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(e(layout.title()))
        .append("</title><style>")
        .append("@page{size:A4 portrait;margin:2cm}")
        .append("body{font-family:\"")
        .append(table.text("website-report.font.text"))
        .append("\",\"FangSong\",serif;max-width:48em;margin:2em auto;padding:0 .5em}")
        .append("h1{font-family:\"")
        .append(table.text("website-report.font.heading"))
        .append("\",\"SimHei\",sans-serif;text-align:center;font-size:1.5em}")
        .append("table{border-collapse:collapse;width:100%}caption{position:absolute;left:-9999px}")
        .append("th,td{border:1px solid #000;padding:.3em .5em;vertical-align:middle}")
        .append("th{font-weight:normal;text-align:center}tr{break-inside:avoid}")
        .append("@media (max-width:30em){body{margin:1em auto}th,td{padding:.2em;font-size:.9em}}")
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
    String prefix =
        "wr" + (report.site() == null ? "n" : report.site()) + "-" + report.year() + "-";
    StringBuilder h = new StringBuilder();
    if (layout.correction() != null) {
      h.append("<p><strong>").append(e(layout.correction())).append("</strong></p>\n");
    }
    h.append("<p>").append(e(layout.unit())).append("</p>\n<table>\n<caption>");
    h.append(e(layout.title())).append("</caption>\n");
    boolean open = false;
    for (ReportTable.Line line : layout.lines()) {
      boolean section = line.labels().get(0).column() == 0;
      if (section || !open) {
        h.append(open ? "</tbody>\n" : "").append("<tbody>\n");
        open = true;
      }
      h.append("<tr>");
      for (ReportTable.Cell c : line.labels()) {
        boolean item = c.column() + c.colspan() == ReportTable.LABEL_COLUMNS;
        h.append("<th id=\"").append(prefix).append(c.id()).append('"');
        if (item) {
          h.append(" scope=\"row\"");
        } else if (c.column() == 0) {
          h.append(" scope=\"rowgroup\"");
        }
        span(h, "rowspan", c.rowspan());
        span(h, "colspan", c.colspan());
        h.append('>').append(e(c.text())).append("</th>");
      }
      h.append("<td headers=\"").append(e(headers(prefix, line.headers()))).append('"');
      if (line.number()) {
        h.append(" style=\"text-align:right\"");
      }
      h.append('>').append(e(line.value())).append("</td></tr>\n");
    }
    h.append(open ? "</tbody>\n" : "").append("</table>\n<p>");
    h.append(e(table.footer(layout)).replace("    ", "&emsp;&emsp;")).append("</p>\n");
    return h.toString();
  }

  private static void span(StringBuilder h, String name, int n) {
    if (n > 1) {
      h.append(' ').append(name).append("=\"").append(n).append('"');
    }
  }

  private static String headers(String prefix, List<String> ids) {
    return String.join(" ", ids.stream().map(id -> prefix + id).toList());
  }

  private static String e(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
