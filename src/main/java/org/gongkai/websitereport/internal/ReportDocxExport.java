package org.gongkai.websitereport.internal;

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
 * A report as a Word document in the template's layout: the title in 黑体, a three-column table whose
 * section cell is merged down its rows (w:vMerge), the text in 仿宋, the signature line below.
 */
@Component
class ReportDocxExport {

  private static final int[] WIDTHS = {1600, 5200, 2200};

  private final ReportTable table;

  ReportDocxExport(ReportTable table) {
    this.table = table;
  }

  byte[] docx(ReportViews.Report report) {
    ReportTable.Layout layout = table.layout(report);
    String heading = table.text("website-report.font.heading");
    String text = table.text("website-report.font.text");
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, layout.title(), heading, 22, true);
      run(doc.createParagraph(), layout.unit(), text, 12, false);

      XWPFTable t = doc.createTable(layout.lines().size(), 3);
      t.setWidth("100%");
      var grid =
          t.getCTTbl().getTblGrid() == null
              ? t.getCTTbl().addNewTblGrid()
              : t.getCTTbl().getTblGrid();
      while (grid.sizeOfGridColArray() > 0) {
        grid.removeGridCol(0);
      }
      for (int w : WIDTHS) {
        grid.addNewGridCol().setW(BigInteger.valueOf(w));
      }
      int r = 0;
      for (ReportTable.Line line : layout.lines()) {
        var row = t.getRow(r++);
        row.setCantSplitRow(true);
        XWPFTableCell section = row.getCell(0);
        CTTcPr props =
            section.getCTTc().isSetTcPr()
                ? section.getCTTc().getTcPr()
                : section.getCTTc().addNewTcPr();
        props.addNewVMerge().setVal(line.first() ? STMerge.RESTART : STMerge.CONTINUE);
        cell(section, line.first() ? line.section() : "", ParagraphAlignment.CENTER, text);
        cell(row.getCell(1), line.label(), ParagraphAlignment.LEFT, text);
        cell(
            row.getCell(2),
            line.value(),
            line.number() ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT,
            text);
        for (int c = 0; c < 3; c++) {
          row.getCell(c).setWidth(String.valueOf(WIDTHS[c]));
        }
      }
      XWPFParagraph signatures = doc.createParagraph();
      StringBuilder line = new StringBuilder();
      for (ReportTable.Signature s : layout.signatures()) {
        line.append(s.label())
            .append(table.text("website-report.colon"))
            .append(s.value())
            .append("    ");
      }
      run(signatures, line.toString().strip(), text, 12, false);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cell(
      XWPFTableCell cell, String text, ParagraphAlignment alignment, String face) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(alignment);
    run(p, text, face, 10.5, false);
  }

  private static void run(XWPFParagraph p, String text, String face, double size, boolean bold) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontFamily(face);
    run.setFontSize(size);
    run.setBold(bold);
  }
}
