package org.gongkai.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** Spreadsheets of the tables: numbers as numbers, merged header cells as in the format. */
@Component
class ReportXlsx {

  private final ReportLayout layout;

  ReportXlsx(ReportLayout layout) {
    this.layout = layout;
  }

  byte[] annual(AnnualReport report) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = boldStyle(book);
      Sheet two = book.createSheet(layout.text("report.sheet.TWO", ReportHtml.REPORT_LOCALE));
      int offset = 0;
      for (Grid g : layout.table2(report, ReportHtml.REPORT_LOCALE)) {
        offset = write(two, g, offset, bold) + 1;
      }
      write(book.createSheet(layout.text("report.sheet.THREE", ReportHtml.REPORT_LOCALE)),
          layout.table3(report, ReportHtml.REPORT_LOCALE), 0, bold);
      write(book.createSheet(layout.text("report.sheet.FOUR", ReportHtml.REPORT_LOCALE)),
          layout.table4(report, ReportHtml.REPORT_LOCALE), 0, bold);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One sheet per grid, for the monthly report and the dashboards' tables. */
  byte[] sheets(List<Grid> grids) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = boldStyle(book);
      int i = 1;
      for (Grid g : grids) {
        write(book.createSheet(i++ + " " + safeSheetName(g.title())), g, 0, bold);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the grid from row {@code offset}; returns the first row after it. */
  private static int write(Sheet sheet, Grid grid, int offset, CellStyle bold) {
    for (Grid.Cell cell : grid.cells()) {
      int r = offset + cell.row();
      Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
      var c = row.createCell(cell.col());
      if (!cell.header() && cell.text().matches("-?\\d+(\\.\\d+)?")) {
        c.setCellValue(Double.parseDouble(cell.text()));
      } else {
        c.setCellValue(cell.text());
      }
      if (cell.header()) {
        c.setCellStyle(bold);
      }
      if (cell.rowSpan() > 1 || cell.colSpan() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(r, r + cell.rowSpan() - 1, cell.col(), cell.col() + cell.colSpan() - 1));
      }
    }
    return offset + grid.rows();
  }

  private static CellStyle boldStyle(XSSFWorkbook book) {
    CellStyle style = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    style.setFont(font);
    style.setWrapText(true);
    return style;
  }

  private static String safeSheetName(String name) {
    String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
    return cleaned.length() > 25 ? cleaned.substring(0, 25) : cleaned;
  }
}
