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
 * A report as a spreadsheet in the template's layout: the title across the table, the section's
 * cell merged down its rows, numbers as numbers, A4 upright.
 */
@Component
class ReportXlsxExport {

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
      CellStyle section = book.createCellStyle();
      section.cloneStyleFrom(cell);
      section.setAlignment(HorizontalAlignment.CENTER);

      Row head = sheet.createRow(0);
      head.createCell(0).setCellValue(layout.title());
      head.getCell(0).setCellStyle(title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
      sheet.createRow(1).createCell(0).setCellValue(layout.unit());
      sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
      int r = 2;
      for (ReportTable.Line line : layout.lines()) {
        Row row = sheet.createRow(r);
        var s = row.createCell(0);
        s.setCellStyle(section);
        if (line.first()) {
          s.setCellValue(line.section());
          if (line.span() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r + line.span() - 1, 0, 0));
          }
        }
        var label = row.createCell(1);
        label.setCellValue(line.label());
        label.setCellStyle(cell);
        var value = row.createCell(2);
        value.setCellStyle(cell);
        if (line.number() && !line.value().isEmpty()) {
          value.setCellValue(Double.parseDouble(line.value()));
        } else {
          value.setCellValue(line.value());
        }
        r++;
      }
      r++;
      for (ReportTable.Signature sig : layout.signatures()) {
        Row row = sheet.createRow(r++);
        row.createCell(1).setCellValue(sig.label());
        row.createCell(2).setCellValue(sig.value());
      }
      sheet.setColumnWidth(0, 14 * 256);
      sheet.setColumnWidth(1, 44 * 256);
      sheet.setColumnWidth(2, 26 * 256);
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
