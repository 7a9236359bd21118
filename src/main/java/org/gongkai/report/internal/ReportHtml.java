package org.gongkai.report.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    return layout.text(
        "report.title", REPORT_LOCALE, report.agencyName(), String.valueOf(report.year()));
  }

  /**
   * The report as one self-contained page, the site's stylesheet inside it, so that the file looks
   * and prints like the template wherever it is opened.
   */
  String standalone(AnnualReport report) {
    String title = HtmlUtils.htmlEscape(title(report));
    return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + title
        + "</title><style>"
        + STYLESHEET
        + "</style></head><body><main class=\"report-page body-text\"><h1>"
        + title
        + "</h1>"
        + body(report)
        + "</main></body></html>";
  }

  private static final String STYLESHEET = readStylesheet();

  private static String readStylesheet() {
    try (var in = ReportHtml.class.getResourceAsStream("/static/css/site.css")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    paragraphs(html, layout.timelinessSentence(report, REPORT_LOCALE));
    paragraphs(html, report.sections().get("SIX"));
    return html.toString();
  }

  private void section(StringBuilder html, String key) {
    html.append("<h2>")
        .append(HtmlUtils.htmlEscape(layout.text("report.section." + key, REPORT_LOCALE)))
        .append("</h2>");
  }

  private static void paragraphs(StringBuilder html, String text) {
    if (text == null) {
      return;
    }
    text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .forEach(l -> html.append("<p>").append(HtmlUtils.htmlEscape(l)).append("</p>"));
  }

  /**
   * A table as the template draws it: the heading rows in {@code thead} (repeated on each printed
   * page), column and row headings scoped for screen readers, widths as the DOCX has them. A block
   * of table 二 whose first row is its title has that row as its caption; the other tables follow a
   * heading that already names them, and take no caption that would say it twice.
   */
  static void table(StringBuilder html, Grid grid) {
    boolean captioned = grid.titledByFirstRow();
    html.append("<table>");
    if (captioned) {
      html.append("<caption>").append(HtmlUtils.htmlEscape(grid.title())).append("</caption>");
    }
    html.append("<colgroup>");
    for (int c = 0; c < grid.columns(); c++) {
      html.append("<col style=\"width:")
          .append(String.format(Locale.ROOT, "%.2f", 100 * grid.width(c) / grid.totalWidth()))
          .append("%\">");
    }
    html.append("</colgroup>");
    int first = captioned ? 1 : 0;
    int headerRows = Math.max(first, grid.headerRows());
    for (int r = first; r < grid.rows(); r++) {
      if (r == first && headerRows > first) {
        html.append("<thead>");
      }
      if (r == headerRows) {
        html.append("<tbody>");
      }
      row(html, grid, r, r < headerRows);
      if (r == headerRows - 1) {
        html.append("</thead>");
      }
    }
    html.append("</tbody></table>");
  }

  private static void row(StringBuilder html, Grid grid, int r, boolean heading) {
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
        String scope =
            heading
                ? (cell.colSpan() > 1 ? "colgroup" : "col")
                : (cell.rowSpan() > 1 ? "rowgroup" : "row");
        html.append(" scope=\"").append(scope).append('"');
      }
      if (cell.rowSpan() > 1) {
        html.append(" rowspan=\"").append(cell.rowSpan()).append('"');
      }
      if (cell.colSpan() > 1) {
        html.append(" colspan=\"").append(cell.colSpan()).append('"');
      }
      html.append('>')
          .append(HtmlUtils.htmlEscape(cell.text()))
          .append("</")
          .append(tag)
          .append('>');
    }
    html.append("</tr>");
  }
}
