package org.gongkai.intake.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Writes a spec's blocks as an A4 PDF with PDFBox, in the subset of Droid Sans Fallback. */
final class SamplePdf {

  static final float LEFT = 79f;
  static final float RIGHT = PDRectangle.A4.getWidth() - 74f;
  private static final float TOP = PDRectangle.A4.getHeight() - 100f;
  private static final float BOTTOM = 80f;
  private static final byte[] FONT = font("/intake/DroidSansFallback-subset.ttf");
  private static final byte[] LATIN = font("/intake/DejaVuSans-subset.ttf");

  private final PDDocument document;
  private final PDType0Font font;
  private final PDType0Font latin;
  private PDPage page;
  private PDPageContentStream content;
  private float y;
  private int pages;

  private SamplePdf(PDDocument document) throws IOException {
    this.document = document;
    this.font = PDType0Font.load(document, new ByteArrayInputStream(FONT), true);
    this.latin = PDType0Font.load(document, new ByteArrayInputStream(LATIN), true);
  }

  static byte[] write(IntakeSpec spec) {
    try (PDDocument document = new PDDocument()) {
      SamplePdf pdf = new SamplePdf(document);
      pdf.newPage();
      for (SampleBlocks.Block block : SampleBlocks.of(spec)) {
        pdf.draw(block);
      }
      pdf.content.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    pages++;
    String number = "- " + pages + " -";
    text(number, 14, (PDRectangle.A4.getWidth() - width(number, 14)) / 2, 50, Color.BLACK);
    y = TOP;
  }

  private void draw(SampleBlocks.Block block) throws IOException {
    float lead = block.size() * 1.75f;
    if (block.pageBreak()) {
      newPage();
    }
    if (block.text().isEmpty()) {
      y -= lead;
      return;
    }
    List<String> lines = wrap(block);
    for (int i = 0; i < lines.size(); i++) {
      if (y - lead < BOTTOM) {
        newPage();
      }
      y -= lead;
      String line = lines.get(i);
      float w = width(line, block.size());
      float x =
          switch (block.align()) {
            case CENTER -> (PDRectangle.A4.getWidth() - w) / 2;
            case RIGHT -> RIGHT - block.rightIndent() * block.size() - w;
            case LEFT -> LEFT + (i == 0 ? block.indent() : block.hang()) * block.size();
          };
      text(line, block.size(), x, y, block.red() ? Color.RED : Color.BLACK);
      if (i == 0 && block.right() != null) {
        float rw = width(block.right(), block.size());
        text(
            block.right(),
            block.size(),
            RIGHT - block.rightIndent() * block.size() - rw,
            y,
            block.red() ? Color.RED : Color.BLACK);
      }
    }
    if (block.rule()) {
      content.setStrokingColor(Color.RED);
      content.setLineWidth(1.5f);
      content.moveTo(LEFT, y - 12);
      content.lineTo(RIGHT, y - 12);
      content.stroke();
    }
  }

  private List<String> wrap(SampleBlocks.Block block) throws IOException {
    List<String> lines = new ArrayList<>();
    String rest = block.text();
    boolean first = true;
    while (!rest.isEmpty()) {
      float room =
          RIGHT
              - LEFT
              - (first ? block.indent() : block.hang()) * block.size()
              - (block.align() == SampleBlocks.Align.RIGHT ? block.rightIndent() * block.size() : 0)
              - (block.right() != null ? width(block.right(), block.size()) + block.size() : 0);
      int n = 1;
      while (n < rest.length() && width(rest.substring(0, n + 1), block.size()) <= room) {
        n++;
      }
      lines.add(rest.substring(0, n));
      rest = rest.substring(n);
      first = false;
    }
    return lines;
  }

  /** Droid Sans Fallback has Chinese but no Latin letters or figures: DejaVu Sans draws those. */
  private static boolean latin(char c) {
    return c < 0x2100;
  }

  /** The text in runs of one font each. */
  private static List<String> runs(String text) {
    List<String> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || latin(text.charAt(i)) != latin(text.charAt(start))) {
        runs.add(text.substring(start, i));
        start = i;
      }
    }
    return runs;
  }

  private PDType0Font fontOf(String run) {
    return latin(run.charAt(0)) ? latin : font;
  }

  private float width(String text, float size) throws IOException {
    float width = 0;
    for (String run : runs(text)) {
      width += fontOf(run).getStringWidth(run) / 1000 * size;
    }
    return width;
  }

  private void text(String text, float size, float x, float y, Color color) throws IOException {
    content.beginText();
    content.setNonStrokingColor(color);
    content.newLineAtOffset(x, y);
    for (String run : runs(text)) {
      content.setFont(fontOf(run), size);
      content.showText(run);
    }
    content.endText();
  }

  private static byte[] font(String resource) {
    try (InputStream in = SamplePdf.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
