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
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.stereotype.Component;

/**
 * A report as a Word document in the annex's layout on A4 upright: the title in 黑体, a table of
 * three label columns and the value, the label cells merged down (w:vMerge) and across (w:gridSpan)
 * as the annex merges them, the text in 仿宋, the signature line below.
 */
@Component
class ReportDocxExport {

  private static final int[] WIDTHS = {1500, 1900, 3400, 2200};

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
      if (layout.correction() != null) {
        run(doc.createParagraph(), layout.correction(), text, 12, true);
      }
      run(doc.createParagraph(), layout.unit(), text, 12, false);

      int lines = layout.lines().size();
      XWPFTable t = doc.createTable(lines, WIDTHS.length);
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
      // Which label cell covers each grid place: the cell itself on its first row, and below it
      // (rows it spans) the same cell, continued.
      ReportTable.Cell[][] owner = new ReportTable.Cell[lines][ReportTable.LABEL_COLUMNS];
      boolean[][] starts = new boolean[lines][ReportTable.LABEL_COLUMNS];
      for (int r = 0; r < lines; r++) {
        for (ReportTable.Cell c : layout.lines().get(r).labels()) {
          starts[r][c.column()] = true;
          for (int dr = 0; dr < c.rowspan(); dr++) {
            for (int dc = 0; dc < c.colspan(); dc++) {
              owner[r + dr][c.column() + dc] = c;
            }
          }
        }
      }
      for (int r = 0; r < lines; r++) {
        ReportTable.Line line = layout.lines().get(r);
        XWPFTableRow row = t.getRow(r);
        row.setCantSplitRow(true);
        int index = 0;
        for (int c = 0; c < ReportTable.LABEL_COLUMNS; ) {
          ReportTable.Cell o = owner[r][c];
          XWPFTableCell cell = row.getCell(index++);
          CTTcPr props = props(cell);
          int width = 0;
          for (int dc = 0; dc < o.colspan(); dc++) {
            width += WIDTHS[c + dc];
          }
          cell.setWidth(String.valueOf(width));
          if (o.colspan() > 1) {
            props.addNewGridSpan().setVal(BigInteger.valueOf(o.colspan()));
          }
          if (o.rowspan() > 1) {
            props.addNewVMerge().setVal(starts[r][c] ? STMerge.RESTART : STMerge.CONTINUE);
          }
          cell(cell, starts[r][c] ? o.text() : "", ParagraphAlignment.CENTER, text);
          c += o.colspan();
        }
        XWPFTableCell value = row.getCell(index++);
        value.setWidth(String.valueOf(WIDTHS[WIDTHS.length - 1]));
        cell(
            value,
            line.value(),
            line.number() ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT,
            text);
        while (row.getTableCells().size() > index) {
          row.removeCell(row.getTableCells().size() - 1);
        }
      }
      run(doc.createParagraph(), table.footer(layout), text, 12, false);
      a4(doc);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A4 upright, 2.54 cm margins: 9,026 twips of text width for the table's 9,000. */
  private static void a4(XWPFDocument doc) {
    var page = doc.getDocument().getBody().addNewSectPr();
    var size = page.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    size.setOrient(STPageOrientation.PORTRAIT);
    var margins = page.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1440));
    margins.setBottom(BigInteger.valueOf(1440));
    margins.setLeft(BigInteger.valueOf(1440));
    margins.setRight(BigInteger.valueOf(1440));
  }

  private static CTTcPr props(XWPFTableCell cell) {
    return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
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
