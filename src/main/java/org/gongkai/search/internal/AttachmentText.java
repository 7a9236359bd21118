package org.gongkai.search.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of PDF (PDFBox), DOCX and XLSX (POI) attachments; a broken file is logged and skipped.
 */
final class AttachmentText {

  private static final Logger log = LoggerFactory.getLogger(AttachmentText.class);
  static final int MAX_CHARS = 200_000;

  private AttachmentText() {}

  interface Source {
    InputStream open() throws IOException;
  }

  static String extract(String mediaType, String fileName, Source source) {
    try (InputStream in = source.open()) {
      String text =
          switch (mediaType) {
            case "application/pdf" -> {
              try (PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
                yield new PDFTextStripper().getText(pdf);
              }
            }
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> {
              try (XWPFWordExtractor word = new XWPFWordExtractor(new XWPFDocument(in))) {
                yield word.getText();
              }
            }
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> {
              try (XSSFExcelExtractor excel = new XSSFExcelExtractor(new XSSFWorkbook(in))) {
                yield excel.getText();
              }
            }
            default -> "";
          };
      return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    } catch (Exception | LinkageError e) {
      log.warn(
          "attachment {} ({}) could not be read for the index and is skipped: {}",
          fileName,
          mediaType,
          e.toString());
      return "";
    }
  }
}
