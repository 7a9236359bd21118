package org.gongkai.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document laid out like the official format: title, the six sections, and
 * tables whose header cells are merged as the State Council's template merges them.
 */
@Component
class ReportDocx {

  private final ReportLayout layout;
  private final ReportHtml html;

  ReportDocx(ReportLayout layout, ReportHtml html) {
    this.layout = layout;
    this.html = html;
  }

  byte[] render(AnnualReport report) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraph(doc, html.title(report), ParagraphAlignment.CENTER, true, 18);
      heading(doc, "ONE");
      text(doc, report.sections().get("ONE"));
      heading(doc, "TWO");
      layout.table2(report, ReportHtml.REPORT_LOCALE).forEach(g -> table(doc, g));
      heading(doc, "THREE");
      table(doc, layout.table3(report, ReportHtml.REPORT_LOCALE));
      heading(doc, "FOUR");
      table(doc, layout.table4(report, ReportHtml.REPORT_LOCALE));
      heading(doc, "FIVE");
      text(doc, report.sections().get("FIVE"));
      heading(doc, "SIX");
      text(doc, layout.feeSentence(report, ReportHtml.REPORT_LOCALE));
      text(doc, report.sections().get("SIX"));
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void heading(XWPFDocument doc, String section) {
    paragraph(doc, layout.text("report.section." + section, ReportHtml.REPORT_LOCALE), ParagraphAlignment.LEFT, true, 16);
  }

  private static void text(XWPFDocument doc, String text) {
    if (text == null) {
      return;
    }
    text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
      XWPFParagraph p = paragraph(doc, l, ParagraphAlignment.BOTH, false, 16);
      p.setFirstLineIndent(640);
    });
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String text, ParagraphAlignment alignment, boolean bold, int size) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily("FangSong");
    return p;
  }

  /**
   * Word merges cells across with a grid span on the first cell (the covered cells removed) and
   * down with a vertical merge that restarts in the first row and continues below.
   */
  static void table(XWPFDocument doc, Grid grid) {
    XWPFTable table = doc.createTable(grid.rows(), grid.columns());
    table.setWidth("100%");
    for (int r = 0; r < grid.rows(); r++) {
      var row = table.getRow(r);
      // Walk from the right so that removing covered cells does not shift the ones still to visit.
      for (int c = grid.columns() - 1; c >= 0; c--) {
        Grid.Cell anchor = grid.at(r, c);
        Grid.Cell cover = grid.coveredBy(r, c);
        if (cover != null && c != cover.col()) {
          row.removeCell(c);
          continue;
        }
        Grid.Cell source = anchor != null ? anchor : cover;
        XWPFTableCell cell = row.getCell(c);
        if (source == null) {
          continue;
        }
        CTTcPr props = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        if (source.colSpan() > 1) {
          props.addNewGridSpan().setVal(BigInteger.valueOf(source.colSpan()));
        }
        if (source.rowSpan() > 1) {
          props.addNewVMerge().setVal(anchor != null ? STMerge.RESTART : STMerge.CONTINUE);
        }
        if (anchor != null) {
          XWPFParagraph p = cell.getParagraphs().get(0);
          p.setAlignment(anchor.header() ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
          XWPFRun run = p.createRun();
          run.setText(anchor.text());
          run.setFontSize(10);
          run.setBold(anchor.header() && anchor.row() < 3 && anchor.colSpan() > 1);
        }
      }
    }
  }
}
