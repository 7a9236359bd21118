package org.gongkai.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document laid out like the official format: A4 with the margins of official
 * documents (GB/T 9704), the title in 小标宋, headings in 黑体, text in 仿宋, and tables with a full grid
 * — one grid column per column with its width, every row spanning the grid, cells merged across and
 * down as the State Council's template merges them — so that Word, WPS and LibreOffice lay them out
 * alike instead of guessing.
 */
@Component
class ReportDocx {

  /**
   * A4 in twentieths of a point, and the margins of GB/T 9704: 37 mm top, 35 bottom, 28 left, 26
   * right.
   */
  private static final int PAGE_W = 11_906;

  private static final int PAGE_H = 16_838;
  private static final int TOP = 2_098;
  private static final int BOTTOM = 1_984;
  private static final int LEFT = 1_588;
  private static final int RIGHT = 1_474;
  static final int TEXT_WIDTH = PAGE_W - LEFT - RIGHT;

  /** Table text in 五号 (10.5 pt); cells padded 1 mm left and right. */
  private static final int TABLE_FONT_HALF_POINTS = 21;

  private static final int CELL_PADDING = 57;

  private final ReportLayout layout;
  private final ReportHtml html;

  ReportDocx(ReportLayout layout, ReportHtml html) {
    this.layout = layout;
    this.html = html;
  }

  byte[] render(AnnualReport report) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      page(doc);
      OfficialFonts.declare(doc);
      XWPFParagraph title =
          OfficialFonts.paragraph(doc, html.title(report), OfficialFonts.TITLE, 44);
      title.setAlignment(ParagraphAlignment.CENTER);
      title.setSpacingAfter(560);
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
      text(doc, layout.timelinessSentence(report, ReportHtml.REPORT_LOCALE));
      text(doc, report.sections().get("SIX"));
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(XWPFDocument doc) {
    CTSectPr section =
        doc.getDocument().getBody().isSetSectPr()
            ? doc.getDocument().getBody().getSectPr()
            : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_W));
    size.setH(BigInteger.valueOf(PAGE_H));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(TOP));
    margins.setBottom(BigInteger.valueOf(BOTTOM));
    margins.setLeft(BigInteger.valueOf(LEFT));
    margins.setRight(BigInteger.valueOf(RIGHT));
    margins.setHeader(BigInteger.valueOf(851));
    margins.setFooter(BigInteger.valueOf(992));
  }

  private void heading(XWPFDocument doc, String section) {
    XWPFParagraph p =
        OfficialFonts.paragraph(
            doc,
            layout.text("report.section." + section, ReportHtml.REPORT_LOCALE),
            OfficialFonts.HEADING,
            32);
    p.setFirstLineIndent(640);
    p.setSpacingBefore(240);
    p.setSpacingAfter(120);
    p.setKeepNext(true);
  }

  private static void text(XWPFDocument doc, String text) {
    if (text == null) {
      return;
    }
    text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .forEach(
            l -> {
              XWPFParagraph p = OfficialFonts.paragraph(doc, l, OfficialFonts.TEXT, 32);
              p.setAlignment(ParagraphAlignment.BOTH);
              p.setFirstLineIndent(640);
            });
  }

  /** Columns' width in twentieths of a point: their characters scaled to the text width. */
  private static int twips(Grid grid, int fromCol, int span) {
    int sum = 0;
    for (int c = fromCol; c < fromCol + span; c++) {
      sum += (int) Math.round(grid.width(c) / grid.totalWidth() * TEXT_WIDTH);
    }
    return sum;
  }

  /**
   * Word merges cells across with a grid span on the first cell (the covered cells removed) and
   * down with a vertical merge that restarts in the first row and continues below.
   */
  static void table(XWPFDocument doc, Grid grid) {
    XWPFTable table = doc.createTable(grid.rows(), grid.columns());
    tableProperties(table, grid);
    for (int r = 0; r < grid.rows(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (r < grid.headerRows()) {
        row.setRepeatHeader(true);
      }
      row.setCantSplitRow(true);
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
        CTTcPr props =
            cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        int span = source == null ? 1 : source.colSpan();
        props.addNewTcW().setW(BigInteger.valueOf(twips(grid, c, span)));
        props.getTcW().setType(STTblWidth.DXA);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        if (source == null) {
          continue;
        }
        if (span > 1) {
          props.addNewGridSpan().setVal(BigInteger.valueOf(span));
        }
        if (source.rowSpan() > 1) {
          props.addNewVMerge().setVal(anchor != null ? STMerge.RESTART : STMerge.CONTINUE);
        }
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setSpacingAfter(0);
        p.setAlignment(alignment(grid, source));
        if (anchor != null) {
          OfficialFonts.run(
              p,
              anchor.text(),
              OfficialFonts.TABLE,
              TABLE_FONT_HALF_POINTS,
              anchor.header() && r < grid.headerRows());
        }
      }
    }
    // A paragraph between tables keeps Word from joining two tables that follow each other into
    // one.
    doc.createParagraph().setSpacingAfter(0);
  }

  /** Column headings and figures centred, row labels from the left, as the template sets them. */
  private static ParagraphAlignment alignment(Grid grid, Grid.Cell cell) {
    boolean rowLabel = cell.header() && cell.row() >= grid.headerRows() && cell.rowSpan() == 1;
    return rowLabel ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER;
  }

  private static void tableProperties(XWPFTable table, Grid grid) {
    CTTblPr props =
        table.getCTTbl().getTblPr() != null
            ? table.getCTTbl().getTblPr()
            : table.getCTTbl().addNewTblPr();
    table.setWidthType(TableWidthType.DXA);
    table.setWidth(String.valueOf(TEXT_WIDTH));
    (props.isSetTblLayout() ? props.getTblLayout() : props.addNewTblLayout())
        .setType(STTblLayoutType.FIXED);
    table.setTableAlignment(TableRowAlign.CENTER);
    table.setCellMargins(0, CELL_PADDING, 0, CELL_PADDING);
    table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
    table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
    CTTblGrid columns =
        table.getCTTbl().getTblGrid() != null
            ? table.getCTTbl().getTblGrid()
            : table.getCTTbl().addNewTblGrid();
    while (columns.sizeOfGridColArray() > 0) {
      columns.removeGridCol(0);
    }
    for (int c = 0; c < grid.columns(); c++) {
      columns.addNewGridCol().setW(BigInteger.valueOf(twips(grid, c, 1)));
    }
  }
}
