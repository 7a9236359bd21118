package org.gongkai.websitereport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A report as a spreadsheet in the annex's layout: the title and the reporting unit across the
 * table, the label cells merged down and across as the annex merges them, numbers as numbers, the
 * signature line below, A4 upright fitted to the page's width.
 */
@Component
class ReportXlsxExport {

  private static final int COLUMNS = ReportTable.LABEL_COLUMNS + 1;

  private final ReportTable table;

  ReportXlsxExport(ReportTable table) {
    this.table = table;
  }

  byte[] xlsx(ReportViews.Report report) {
    ReportTable.Layout layout = table.layout(report);
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(String.valueOf(report.year()));
      CellStyle title = book.createCellStyle();
      var bold = book.createFont();
      bold.setBold(true);
      bold.setFontHeightInPoints((short) 16);
      title.setFont(bold);
      title.setAlignment(HorizontalAlignment.CENTER);
      CellStyle cell = book.createCellStyle();
      cell.setBorderTop(BorderStyle.THIN);
      cell.setBorderBottom(BorderStyle.THIN);
      cell.setBorderLeft(BorderStyle.THIN);
      cell.setBorderRight(BorderStyle.THIN);
      cell.setVerticalAlignment(VerticalAlignment.CENTER);
      cell.setWrapText(true);
      CellStyle label = book.createCellStyle();
      label.cloneStyleFrom(cell);
      label.setAlignment(HorizontalAlignment.CENTER);
      CellStyle number = book.createCellStyle();
      number.cloneStyleFrom(cell);
      number.setAlignment(HorizontalAlignment.RIGHT);

      Row head = sheet.createRow(0);
      head.createCell(0).setCellValue(layout.title());
      head.getCell(0).setCellStyle(title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS - 1));
      sheet.createRow(1).createCell(0).setCellValue(layout.unit());
      sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, COLUMNS - 1));
      int first = 2;
      if (layout.correction() != null) {
        sheet.createRow(first).createCell(0).setCellValue(layout.correction());
        sheet.addMergedRegion(new CellRangeAddress(first, first, 0, COLUMNS - 1));
        first++;
      }
      for (int i = 0; i < layout.lines().size(); i++) {
        Row row = sheet.createRow(first + i);
        for (int c = 0; c < COLUMNS; c++) {
          row.createCell(c).setCellStyle(label);
        }
      }
      for (int i = 0; i < layout.lines().size(); i++) {
        ReportTable.Line line = layout.lines().get(i);
        Row row = sheet.getRow(first + i);
        for (ReportTable.Cell c : line.labels()) {
          row.getCell(c.column()).setCellValue(c.text());
          if (c.rowspan() > 1 || c.colspan() > 1) {
            sheet.addMergedRegion(
                new CellRangeAddress(
                    first + i,
                    first + i + c.rowspan() - 1,
                    c.column(),
                    c.column() + c.colspan() - 1));
          }
        }
        var value = row.getCell(COLUMNS - 1);
        if (line.number() && !line.value().isEmpty()) {
          value.setCellValue(Double.parseDouble(line.value()));
          value.setCellStyle(number);
        } else {
          value.setCellValue(line.value());
          value.setCellStyle(cell);
        }
      }
      int r = first + layout.lines().size();
      Row foot = sheet.createRow(r);
      foot.createCell(0).setCellValue(table.footer(layout));
      sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
      sheet.setColumnWidth(0, 14 * 256);
      sheet.setColumnWidth(1, 18 * 256);
      sheet.setColumnWidth(2, 34 * 256);
      sheet.setColumnWidth(3, 22 * 256);
      PrintSetup print = sheet.getPrintSetup();
      print.setPaperSize(PrintSetup.A4_PAPERSIZE);
      print.setLandscape(false);
      sheet.setFitToPage(true);
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 0);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
