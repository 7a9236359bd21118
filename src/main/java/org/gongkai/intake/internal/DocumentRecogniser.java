package org.gongkai.intake.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.agency.Agency;
import org.gongkai.intake.Intake;
import org.gongkai.intake.RecognisedDocument;
import org.gongkai.intake.SplitAttachment;
import org.springframework.stereotype.Component;

/**
 * Recognises a GB/T 9704-2012 document from its laid-out lines ({@link PdfLines}, {@link
 * DocxLines}); {@link Sections} finds the parts, {@link RecognisedFields} says how sure each is.
 */
@Component
class DocumentRecogniser implements Intake {

  @Override
  public RecognisedDocument recognise(
      String fileName, byte[] content, Collection<Agency> agencies) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    boolean pdf = name.endsWith(".pdf") || startsWith(content, "%PDF");
    boolean docx = name.endsWith(".docx") || (!pdf && startsWith(content, "PK"));
    if (pdf && content.length > 0) {
      return pdf(fileName, content, agencies);
    }
    if (docx && content.length > 0) {
      return docx(fileName, content, agencies);
    }
    throw new Unreadable("intake.unsupported", null);
  }

  private RecognisedDocument pdf(String fileName, byte[] content, Collection<Agency> agencies) {
    try (PDDocument document = Loader.loadPDF(content)) {
      List<Line> lines = PdfLines.of(document);
      if (lines.isEmpty()) {
        throw new Unreadable("intake.no-text-layer", null);
      }
      Sections s = Sections.of(lines);
      List<SplitAttachment> split = new ArrayList<>();
      for (Sections.Appended part : s.appended) {
        int from = s.lines.get(part.start()).page();
        int to = s.lines.get(part.end() - 1).page();
        split.add(
            new SplitAttachment(
                fileName(s, part, ".pdf"),
                AttachmentSplit.PDF,
                AttachmentSplit.pdfPages(document, from, to)));
      }
      return RecognisedFields.of(s, agencies, split);
    } catch (IOException | RuntimeException e) {
      throw e instanceof Unreadable u ? u : new Unreadable("intake.unreadable", e);
    }
  }

  private RecognisedDocument docx(String fileName, byte[] content, Collection<Agency> agencies) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
      List<Line> lines = DocxLines.of(document);
      if (lines.isEmpty()) {
        throw new Unreadable("intake.empty", null);
      }
      Sections s = Sections.of(lines);
      List<SplitAttachment> split = new ArrayList<>();
      for (Sections.Appended part : s.appended) {
        int from = s.lines.get(part.start()).source();
        int to = s.lines.get(part.end() - 1).source();
        split.add(
            new SplitAttachment(
                fileName(s, part, ".docx"),
                AttachmentSplit.DOCX,
                AttachmentSplit.docxElements(
                    document,
                    IntStream.rangeClosed(from, to)
                        .boxed()
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)))));
      }
      return RecognisedFields.of(s, agencies, split);
    } catch (IOException | RuntimeException e) {
      throw e instanceof Unreadable u ? u : new Unreadable("intake.unreadable", e);
    }
  }

  /** 附件1-name.pdf: the name from the attachment notes, else the appended part's own title. */
  private static String fileName(Sections s, Sections.Appended part, String extension) {
    String name =
        part.number() >= 1 && part.number() <= s.attachmentNotes.size()
            ? s.attachmentNotes.get(part.number() - 1)
            : part.title();
    String clean = BodyHtml.tidy(name == null ? "" : name).replaceAll("[\\\\/:*?\"<>|\\s]+", "");
    if (clean.length() > 80) {
      clean = clean.substring(0, 80);
    }
    return Words.ATTACHMENT + part.number() + (clean.isEmpty() ? "" : "-" + clean) + extension;
  }

  private static boolean startsWith(byte[] content, String magic) {
    if (content.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (content[i] != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static LocalDate printedOn(Matcher printed) {
    return printed == null ? null : Dates.of(printed.group(2), printed.group(3), printed.group(4));
  }
}
