package org.gongkai.screening.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A file's text in parts, each with where it is: a PDF's pages, a workbook's sheets, a Word
 * document whole. Null for a part that holds no text to read (an image, a scanned page).
 */
final class FileText {

  record Part(String where, String text) {}

  private FileText() {}

  static List<Part> of(String fileName, byte[] content) throws IOException {
    String name = fileName.toLowerCase(Locale.ROOT);
    String where = "attachment:" + fileName;
    if (name.endsWith(".pdf")) {
      return pdf(where, content);
    }
    if (name.endsWith(".docx")) {
      try (var document = new XWPFDocument(new ByteArrayInputStream(content));
          var extractor = new XWPFWordExtractor(document)) {
        return List.of(new Part(where, extractor.getText()));
      }
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
      return workbook(where, content);
    }
    if (name.endsWith(".txt") || name.endsWith(".csv")) {
      return List.of(new Part(where, new String(content, StandardCharsets.UTF_8)));
    }
    return List.of(new Part(where, null));
  }

  private static List<Part> pdf(String where, byte[] content) throws IOException {
    List<Part> parts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(content)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(document);
        parts.add(new Part(where + "#page=" + page, text.isBlank() ? null : text));
      }
    }
    return parts;
  }

  private static List<Part> workbook(String where, byte[] content) throws IOException {
    List<Part> parts = new ArrayList<>();
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      for (Sheet sheet : workbook) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
          for (Cell cell : row) {
            text.append(value(cell, formatter)).append('\t');
          }
          text.append('\n');
        }
        parts.add(new Part(where + "#sheet=" + sheet.getSheetName(), text.toString()));
      }
    }
    return parts;
  }

  /** A whole number as all its digits: a telephone or an id typed as a number stays one. */
  private static String value(Cell cell, DataFormatter formatter) {
    if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
      double v = cell.getNumericCellValue();
      if (v == Math.rint(v) && Math.abs(v) < 1e19) {
        return new BigDecimal(v).toPlainString();
      }
    }
    return formatter.formatCellValue(cell);
  }
}
