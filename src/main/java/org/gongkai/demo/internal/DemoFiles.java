package org.gongkai.demo.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real attachment files for the demo: spreadsheets made with POI, PDFs made with PDFBox. */
final class DemoFiles {

  private DemoFiles() {}

  static byte[] spreadsheet(String title, List<String> header, List<List<Object>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("Sheet1");
      sheet.createRow(0).createCell(0).setCellValue(title);
      XSSFRow head = sheet.createRow(1);
      for (int i = 0; i < header.size(); i++) {
        head.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        XSSFRow row = sheet.createRow(r + 2);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue(String.valueOf(v));
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page PDF; the built-in fonts carry Latin text only, so it holds the codes and dates. */
  static byte[] pdf(List<String> lines) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 720);
        for (String line : lines) {
          text.showText(line);
          text.newLineAtOffset(0, -18);
        }
        text.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
