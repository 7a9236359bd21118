package org.gongkai.screening.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gongkai.screening.Finding;
import org.gongkai.screening.Ground;
import org.gongkai.screening.Redactions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

/**
 * A Word document's text redacted where it is kept: in the runs. A value that runs split is
 * redacted by joining the paragraph's runs into its first. Comments, deleted text kept by tracked
 * changes, and the core and custom properties go.
 */
final class DocxRedaction {

  private static final char BLOCK = '\u2588';
  private static final char OPEN = '\u3014';
  private static final char CLOSE = '\u3015';

  private DocxRedaction() {}

  static Redactions.Redacted redact(
      byte[] docx, List<String> texts, boolean auto, Ground ground, Collection<String> ownNumbers)
      throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFParagraph> paragraphs = new ArrayList<>();
      collect(document.getBodyElements(), paragraphs);
      for (XWPFHeaderFooter part : document.getHeaderList()) {
        collect(part.getBodyElements(), paragraphs);
      }
      for (XWPFHeaderFooter part : document.getFooterList()) {
        collect(part.getBodyElements(), paragraphs);
      }
      List<Finding> findings = new ArrayList<>();
      Map<String, Ground> hidden = new LinkedHashMap<>();
      texts.forEach(text -> hidden.put(text, ground));
      for (XWPFParagraph paragraph : auto ? paragraphs : List.<XWPFParagraph>of()) {
        for (Finding f : TextRules.scan("paragraph", paragraph.getText(), ownNumbers)) {
          if (f.blocking()) {
            findings.add(f);
            hidden.putIfAbsent(f.value(), ground != null ? ground : Ground.forKind(f.kind()));
          }
        }
      }
      hidden.keySet().removeIf(String::isBlank);
      for (XWPFParagraph paragraph : paragraphs) {
        for (Map.Entry<String, Ground> value : hidden.entrySet()) {
          if (paragraph.getText().contains(value.getKey())) {
            redact(paragraph, value.getKey(), value.getValue());
          }
        }
        dropCommentsAndDeletions(paragraph.getCTP());
      }
      while (document.getDocComments() != null
          && !document.getDocComments().getComments().isEmpty()) {
        document.getDocComments().removeComment(0);
      }
      var core = document.getProperties().getCoreProperties();
      core.setCreator("");
      core.setTitle("");
      core.setSubjectProperty("");
      core.setDescription("");
      core.setKeywords("");
      core.setLastModifiedByUser("");
      document
          .getProperties()
          .getCustomProperties()
          .getUnderlyingProperties()
          .getPropertyList()
          .clear();
      var out = new ByteArrayOutputStream();
      document.write(out);
      byte[] redacted = out.toByteArray();
      prove(redacted, hidden.keySet());
      return new Redactions.Redacted(redacted, List.of(), List.copyOf(findings));
    }
  }

  private static void collect(List<IBodyElement> elements, List<XWPFParagraph> into) {
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph paragraph) {
        into.add(paragraph);
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            collect(cell.getBodyElements(), into);
          }
        }
      }
    }
  }

  /** The value becomes blocks, followed by its ground in brackets (〔第十五条〕) when it has one. */
  private static void redact(XWPFParagraph paragraph, String value, Ground ground) {
    String blocks =
        String.valueOf(BLOCK).repeat(value.length())
            + (ground == null ? "" : OPEN + ground.label() + CLOSE);
    for (XWPFRun run : paragraph.getRuns()) {
      String text = run.text();
      if (text.contains(value)) {
        run.setText(text.replace(value, blocks), 0);
        clearFurtherTexts(run);
      }
    }
    if (paragraph.getText().contains(value)) {
      String whole = paragraph.getText().replace(value, blocks);
      List<XWPFRun> runs = paragraph.getRuns();
      for (int i = runs.size() - 1; i > 0; i--) {
        paragraph.removeRun(i);
      }
      if (runs.isEmpty()) {
        paragraph.createRun().setText(whole);
      } else {
        paragraph.getRuns().get(0).setText(whole, 0);
        clearFurtherTexts(paragraph.getRuns().get(0));
      }
    }
  }

  /** A run may hold several text elements; the first now holds the run's whole text. */
  private static void clearFurtherTexts(XWPFRun run) {
    CTR r = run.getCTR();
    while (r.sizeOfTArray() > 1) {
      r.removeT(1);
    }
  }

  private static void dropCommentsAndDeletions(CTP p) {
    while (p.sizeOfCommentRangeStartArray() > 0) {
      p.removeCommentRangeStart(0);
    }
    while (p.sizeOfCommentRangeEndArray() > 0) {
      p.removeCommentRangeEnd(0);
    }
    while (p.sizeOfDelArray() > 0) {
      p.removeDel(0);
    }
    for (CTR r : p.getRList()) {
      while (r.sizeOfCommentReferenceArray() > 0) {
        r.removeCommentReference(0);
      }
      while (r.sizeOfDelTextArray() > 0) {
        r.removeDelText(0);
      }
    }
  }

  private static void prove(byte[] docx, Collection<String> hidden) throws IOException {
    try (XWPFDocument check = new XWPFDocument(new ByteArrayInputStream(docx));
        var extractor = new XWPFWordExtractor(check)) {
      String text = extractor.getText();
      for (String value : hidden) {
        if (text.contains(value)) {
          throw new Redactions.RedactionFailed("a redacted text");
        }
      }
      if (check.getDocComments() != null && !check.getDocComments().getComments().isEmpty()) {
        throw new Redactions.RedactionFailed("comments");
      }
    }
  }
}
