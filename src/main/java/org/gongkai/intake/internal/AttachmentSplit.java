package org.gongkai.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * An appended attachment as a file of its own: the PDF pages it covers (copied with PDFBox), or the
 * DOCX paragraphs and tables it spans (copied with their formatting into a new document with POI).
 */
final class AttachmentSplit {

  static final String PDF = "application/pdf";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private AttachmentSplit() {}

  /** Pages {@code from} to {@code to}, both counted from 1 and included. */
  static byte[] pdfPages(PDDocument source, int from, int to) {
    try (PDDocument out = new PDDocument()) {
      for (int page = from; page <= to; page++) {
        out.importPage(source.getPage(page - 1));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body elements at {@code sources} (indexes of the source's body), in order. */
  static byte[] docxElements(XWPFDocument source, Set<Integer> sources) {
    try (XWPFDocument out = new XWPFDocument()) {
      boolean first = true;
      for (int index : new LinkedHashSet<>(sources)) {
        IBodyElement element = source.getBodyElements().get(index);
        if (element instanceof XWPFParagraph paragraph) {
          XWPFParagraph copy = out.createParagraph();
          copy.getCTP().set(paragraph.getCTP().copy());
          if (first) {
            copy.setPageBreak(false);
          }
        } else if (element instanceof XWPFTable table) {
          XWPFTable copy = out.createTable();
          copy.getCTTbl().set(table.getCTTbl().copy());
        }
        first = false;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
