package org.gongkai.screening.internal;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.screening.Finding;
import org.gongkai.screening.Ground;
import org.gongkai.screening.Redactions;
import org.springframework.stereotype.Component;

/**
 * Pages with a box become pictures of themselves with the boxes burnt in, at {@value #DPI} dpi:
 * whatever a page held under a box (text, an image, a drawing) cannot survive in a picture that was
 * never given it. Pages without a box are copied without their annotations and actions; the
 * document's information, metadata, forms, embedded files and scripts are never copied. Each box
 * carries its legal ground in white letters ({@link GroundLabels}).
 */
@Component
class PdfRedactor implements Redactions {

  static final float DPI = 150;
  private static final float PAD = 1.5f;

  @Override
  public Redacted redactPdf(
      byte[] pdf, List<Box> boxes, boolean auto, Ground ground, Collection<String> ownNumbers) {
    try (PDDocument source = Loader.loadPDF(pdf)) {
      List<Box> all = new ArrayList<>(boxes.stream().map(b -> b.withGround(ground)).toList());
      List<Finding> findings = new ArrayList<>();
      Set<String> hidden = new HashSet<>();
      boolean anyText = false;
      for (int page = 1; page <= source.getNumberOfPages(); page++) {
        PositionedText text = PositionedText.of(source, page);
        anyText |= !text.text().isBlank();
        float height = source.getPage(page - 1).getMediaBox().getHeight();
        for (Box box : boxes) {
          if (box.page() == page) {
            hidden.addAll(underBox(source, box, height));
          }
        }
        if (auto) {
          for (Finding finding : TextRules.scan("page=" + page, text.text(), ownNumbers)) {
            Ground marked = ground != null ? ground : Ground.forKind(finding.kind());
            if (finding.blocking() && boxAll(text, finding.value(), page, height, marked, all)) {
              findings.add(finding);
              hidden.add(finding.value());
            }
          }
        }
      }
      if (auto && !anyText) {
        throw new NoTextLayer();
      }
      byte[] out = write(source, all);
      prove(out, hidden);
      SecondReader.prove(out, hidden);
      return new Redacted(out, List.copyOf(all), List.copyOf(findings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Redacted redactDocx(
      byte[] docx, List<String> texts, boolean auto, Ground ground, Collection<String> ownNumbers) {
    try {
      return DocxRedaction.redact(docx, texts, auto, ground, ownNumbers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Boxes every place the value is drawn on the page; whether it was found drawn. */
  private static boolean boxAll(
      PositionedText text, String value, int page, float height, Ground ground, List<Box> boxes) {
    boolean found = false;
    String t = text.text();
    for (int at = t.indexOf(value); at >= 0; at = t.indexOf(value, at + 1)) {
      PositionedText.Area area = text.area(at, at + value.length());
      if (area != null) {
        boxes.add(
            new Box(
                page,
                area.left() - PAD,
                height - area.bottom() - PAD * 2,
                area.right() - area.left() + PAD * 2,
                area.bottom() - area.top() + PAD * 4,
                ground));
        found = true;
      }
    }
    return found;
  }

  /** The words a box given by hand covers, to prove afterwards that they are gone. */
  private static List<String> underBox(PDDocument source, Box box, float height)
      throws IOException {
    PositionedText text = PositionedText.of(source, box.page());
    String t = text.text();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      PositionedText.Area a = text.area(i, i + 1);
      boolean inside =
          a != null
              && a.left() >= box.x() - PAD
              && a.right() <= box.x() + box.width() + PAD
              && height - a.bottom() >= box.y() - PAD * 4
              && height - a.top() <= box.y() + box.height() + PAD * 4;
      if (inside && !Character.isWhitespace(t.charAt(i))) {
        word.append(t.charAt(i));
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words.stream().filter(w -> w.length() >= 2).toList();
  }

  private static byte[] write(PDDocument source, List<Box> boxes) throws IOException {
    PDFRenderer renderer = new PDFRenderer(source);
    try (PDDocument out = new PDDocument()) {
      out.setDocumentInformation(new PDDocumentInformation());
      for (int index = 0; index < source.getNumberOfPages(); index++) {
        int page = index + 1;
        List<Box> onPage = boxes.stream().filter(b -> b.page() == page).toList();
        PDPage original = source.getPage(index);
        if (onPage.isEmpty()) {
          PDPage copy = out.importPage(original);
          copy.setAnnotations(List.of());
          copy.getCOSObject().removeItem(COSName.AA);
          continue;
        }
        PDRectangle size = original.getMediaBox();
        BufferedImage picture = renderer.renderImageWithDPI(index, DPI, ImageType.RGB);
        float scale = DPI / 72f;
        Graphics2D g = picture.createGraphics();
        for (Box box : onPage) {
          GroundLabels.burn(
              g,
              new Rectangle(
                  Math.round(box.x() * scale),
                  Math.round((size.getHeight() - box.y() - box.height()) * scale),
                  Math.round(box.width() * scale),
                  Math.round(box.height() * scale)),
              box.ground(),
              picture.getHeight());
        }
        g.dispose();
        PDPage replaced = new PDPage(new PDRectangle(size.getWidth(), size.getHeight()));
        out.addPage(replaced);
        PDImageXObject image = JPEGFactory.createFromImage(out, picture, 0.92f);
        try (var content = new PDPageContentStream(out, replaced)) {
          content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
        }
      }
      out.getDocumentCatalog().setMetadata(null);
      var bytes = new ByteArrayOutputStream();
      out.save(bytes);
      return bytes.toByteArray();
    }
  }

  /** Reads the output again: none of the hidden text may be found in it. */
  private static void prove(byte[] pdf, Set<String> hidden) throws IOException {
    try (PDDocument check = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(check);
      String joined = text.replaceAll("\\s+", "");
      for (String value : hidden) {
        String bare = value.replaceAll("\\s+", "");
        if (text.contains(value) || joined.contains(bare)) {
          throw new RedactionFailed("a redacted text on a page");
        }
      }
      PDDocumentInformation info = check.getDocumentInformation();
      if (info.getTitle() != null || info.getAuthor() != null || info.getSubject() != null) {
        throw new RedactionFailed("document information");
      }
      if (check.getDocumentCatalog().getMetadata() != null) {
        throw new RedactionFailed("XMP metadata");
      }
    }
  }
}
