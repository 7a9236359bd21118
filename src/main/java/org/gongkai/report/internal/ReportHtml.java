package org.gongkai.report.internal;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The report as the HTML body of a catalog document: the six sections in order, the tables with
 * their merged header cells, headers marked up for screen readers.
 */
@Component
class ReportHtml {

  static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final ReportLayout layout;

  ReportHtml(ReportLayout layout) {
    this.layout = layout;
  }

  String title(AnnualReport report) {
    return layout.text("report.title", REPORT_LOCALE, report.agencyName(), String.valueOf(report.year()));
  }

  String body(AnnualReport report) {
    StringBuilder html = new StringBuilder();
    section(html, "ONE");
    paragraphs(html, report.sections().get("ONE"));
    section(html, "TWO");
    layout.table2(report, REPORT_LOCALE).forEach(g -> table(html, g));
    section(html, "THREE");
    table(html, layout.table3(report, REPORT_LOCALE));
    section(html, "FOUR");
    table(html, layout.table4(report, REPORT_LOCALE));
    section(html, "FIVE");
    paragraphs(html, report.sections().get("FIVE"));
    section(html, "SIX");
    paragraphs(html, layout.feeSentence(report, REPORT_LOCALE));
    paragraphs(html, report.sections().get("SIX"));
    return html.toString();
  }

  private void section(StringBuilder html, String key) {
    html.append("<h2>").append(HtmlUtils.htmlEscape(layout.text("report.section." + key, REPORT_LOCALE))).append("</h2>");
  }

  private static void paragraphs(StringBuilder html, String text) {
    if (text == null) {
      return;
    }
    text.lines().map(String::strip).filter(l -> !l.isEmpty())
        .forEach(l -> html.append("<p>").append(HtmlUtils.htmlEscape(l)).append("</p>"));
  }

  static void table(StringBuilder html, Grid grid) {
    html.append("<table><caption>").append(HtmlUtils.htmlEscape(grid.title())).append("</caption><tbody>");
    for (int r = 0; r < grid.rows(); r++) {
      html.append("<tr>");
      for (int c = 0; c < grid.columns(); c++) {
        Grid.Cell cell = grid.at(r, c);
        if (cell == null) {
          if (grid.coveredBy(r, c) == null) {
            html.append("<td></td>");
          }
          continue;
        }
        String tag = cell.header() ? "th" : "td";
        html.append('<').append(tag);
        if (cell.header()) {
          html.append(" scope=\"").append(cell.colSpan() > 1 && cell.row() < 3 ? "colgroup" : "row").append('"');
        }
        if (cell.rowSpan() > 1) {
          html.append(" rowspan=\"").append(cell.rowSpan()).append('"');
        }
        if (cell.colSpan() > 1) {
          html.append(" colspan=\"").append(cell.colSpan()).append('"');
        }
        html.append('>').append(HtmlUtils.htmlEscape(cell.text())).append("</").append(tag).append('>');
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
  }
}
