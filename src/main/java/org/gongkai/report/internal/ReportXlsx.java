package org.gongkai.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Spreadsheets of the tables laid out as the template: widths, borders, merged and wrapped
 * headings, numbers as numbers, A4 print set-up.
 */
@Component
class ReportXlsx {

  private final ReportLayout layout;

  ReportXlsx(ReportLayout layout) {
    this.layout = layout;
  }

  byte[] annual(AnnualReport report) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(book);
      Sheet two = book.createSheet(layout.text("report.sheet.TWO", ReportHtml.REPORT_LOCALE));
      int offset = 0;
      List<Grid> blocks = layout.table2(report, ReportHtml.REPORT_LOCALE);
      for (Grid g : blocks) {
        offset = write(two, g, offset, styles) + 1;
      }
      // The blocks of table 二 have different columns: the widest layout sets the sheet's widths.
      setUp(two, blocks.stream().max(Comparator.comparingInt(Grid::columns)).orElseThrow(), false);
      sheet(
          book,
          layout.text("report.sheet.THREE", ReportHtml.REPORT_LOCALE),
          layout.table3(report, ReportHtml.REPORT_LOCALE),
          styles);
      sheet(
          book,
          layout.text("report.sheet.FOUR", ReportHtml.REPORT_LOCALE),
          layout.table4(report, ReportHtml.REPORT_LOCALE),
          styles);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One sheet per grid, for the monthly report and the dashboards' tables. */
  byte[] sheets(List<Grid> grids) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(book);
      int i = 1;
      for (Grid g : grids) {
        sheet(book, i++ + " " + safeSheetName(g.title()), g, styles);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the grid from row {@code offset}, every cell of it bordered (under merges too, so that
   * merged regions keep their borders), labels wrapped, figures as numbers; returns the first row
   * after it.
   */
  private static int write(Sheet sheet, Grid grid, int offset, Styles styles) {
    for (int r = 0; r < grid.rows(); r++) {
      Row row =
          sheet.getRow(offset + r) == null ? sheet.createRow(offset + r) : sheet.getRow(offset + r);
      for (int c = 0; c < grid.columns(); c++) {
        row.createCell(c).setCellStyle(styles.figure);
      }
    }
    for (Grid.Cell cell : grid.cells()) {
      int r = offset + cell.row();
      var c = sheet.getRow(r).getCell(cell.col());
      if (!cell.header() && cell.text().matches("-?\\d+(\\.\\d+)?")) {
        c.setCellValue(Double.parseDouble(cell.text()));
      } else {
        c.setCellValue(cell.text());
      }
      boolean columnHeading = cell.row() < grid.headerRows() || cell.rowSpan() > 1;
      c.setCellStyle(
          !cell.header() ? styles.figure : columnHeading ? styles.heading : styles.label);
      for (int rr = r; rr < r + cell.rowSpan(); rr++) {
        for (int cc = cell.col(); cc < cell.col() + cell.colSpan(); cc++) {
          if (rr != r || cc != cell.col()) {
            sheet.getRow(rr).getCell(cc).setCellStyle(c.getCellStyle());
          }
        }
      }
      if (cell.rowSpan() > 1 || cell.colSpan() > 1) {
        sheet.addMergedRegion(
            new CellRangeAddress(
                r, r + cell.rowSpan() - 1, cell.col(), cell.col() + cell.colSpan() - 1));
      }
    }
    // Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves:
    // each row is as high as its longest label needs at the column's width.
    for (int r = 0; r < grid.rows(); r++) {
      int lines = 1;
      for (Grid.Cell cell : grid.cells()) {
        if (cell.row() == r && cell.rowSpan() == 1) {
          double width = 0;
          for (int c = cell.col(); c < cell.col() + cell.colSpan(); c++) {
            width += grid.width(c);
          }
          int perLine = Math.max(1, (int) Math.floor(width));
          lines = Math.max(lines, (cell.text().length() + perLine - 1) / perLine);
        }
      }
      sheet.getRow(offset + r).setHeightInPoints(lines * 14.5f + 2);
    }
    return offset + grid.rows();
  }

  /**
   * Column widths from the grid (a Chinese character is about two of Excel's width units), the
   * header frozen and repeated on each printed page, A4 fitted to the page's width.
   */
  private static void setUp(Sheet sheet, Grid grid, boolean freezeHeader) {
    for (int c = 0; c < grid.columns(); c++) {
      sheet.setColumnWidth(c, (int) Math.round((grid.width(c) * 2.1 + 1.2) * 256));
    }
    if (freezeHeader && grid.headerRows() > 0) {
      sheet.createFreezePane(0, grid.headerRows());
      sheet.setRepeatingRows(new CellRangeAddress(0, grid.headerRows() - 1, -1, -1));
    }
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(grid.columns() > 10);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setHorizontallyCenter(true);
  }

  /** The workbook's three cell styles: headings centred and bold, row labels, figures centred. */
  private static final class Styles {
    final CellStyle heading;
    final CellStyle label;
    final CellStyle figure;

    Styles(XSSFWorkbook book) {
      Font bold = book.createFont();
      bold.setBold(true);
      heading = bordered(book);
      heading.setFont(bold);
      heading.setAlignment(HorizontalAlignment.CENTER);
      label = bordered(book);
      label.setAlignment(HorizontalAlignment.LEFT);
      figure = bordered(book);
      figure.setAlignment(HorizontalAlignment.CENTER);
    }

    private static CellStyle bordered(XSSFWorkbook book) {
      CellStyle style = book.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      style.setWrapText(true);
      return style;
    }
  }

  private static void sheet(XSSFWorkbook book, String name, Grid grid, Styles styles) {
    Sheet sheet = book.createSheet(name);
    write(sheet, grid, 0, styles);
    setUp(sheet, grid, true);
  }

  private static String safeSheetName(String name) {
    String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
    return cleaned.length() > 25 ? cleaned.substring(0, 25) : cleaned;
  }
}
