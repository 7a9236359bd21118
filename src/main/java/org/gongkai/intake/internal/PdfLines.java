package org.gongkai.intake.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's lines with their layout: the glyphs of each page gathered by baseline, with their size,
 * colour and place between the margins, which tell the red organ mark, the centred title and the
 * right-aligned signature and date apart from the body.
 */
final class PdfLines extends PDFTextStripper {

  private record Glyph(TextPosition position, boolean red) {}

  private final List<Line> lines = new ArrayList<>();
  private List<Glyph> glyphs = new ArrayList<>();
  private float pageWidth;
  private int pageNumber;

  /** A page's raw line before the margins of the whole document are known. */
  private record Raw(String text, float size, boolean red, float left, float right, int page) {}

  private final List<Raw> raws = new ArrayList<>();

  static List<Line> of(PDDocument document) throws IOException {
    PdfLines reader = new PdfLines();
    reader.getText(document);
    return reader.layout();
  }

  private PdfLines() {
    setSortByPosition(true);
    // The text stripper leaves colours alone unless told to follow them.
    addOperator(new SetNonStrokingColorSpace(this));
    addOperator(new SetNonStrokingColor(this));
    addOperator(new SetNonStrokingColorN(this));
    addOperator(new SetNonStrokingDeviceRGBColor(this));
    addOperator(new SetNonStrokingDeviceGrayColor(this));
    addOperator(new SetNonStrokingDeviceCMYKColor(this));
  }

  @Override
  protected void startPage(PDPage page) {
    pageNumber++;
    pageWidth = page.getCropBox().getWidth();
    glyphs = new ArrayList<>();
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    glyphs.add(new Glyph(text, red()));
  }

  private boolean red() {
    try {
      int rgb = getGraphicsState().getNonStrokingColor().toRGB();
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int b = rgb & 0xff;
      return r > 160 && g < 100 && b < 100;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  @Override
  protected void endPage(PDPage page) {
    glyphs.sort(Comparator.comparingDouble(g -> g.position().getYDirAdj()));
    List<List<Glyph>> rows = new ArrayList<>();
    List<Glyph> row = null;
    float baseline = 0;
    for (Glyph g : glyphs) {
      float y = g.position().getYDirAdj();
      float tolerance = Math.max(2f, 0.45f * size(g.position()));
      if (row == null || Math.abs(y - baseline) > tolerance) {
        row = new ArrayList<>();
        rows.add(row);
        baseline = y;
      }
      row.add(g);
    }
    for (List<Glyph> r : rows) {
      r.sort(Comparator.comparingDouble(g -> g.position().getXDirAdj()));
      raws.add(raw(r));
    }
  }

  private Raw raw(List<Glyph> row) {
    StringBuilder text = new StringBuilder();
    float size = 0;
    int red = 0;
    float end = Float.NaN;
    for (Glyph g : row) {
      TextPosition p = g.position();
      float glyphSize = size(p);
      if (!Float.isNaN(end) && p.getXDirAdj() - end > 0.5f * glyphSize) {
        text.append(' ');
      }
      text.append(p.getUnicode());
      end = p.getXDirAdj() + p.getWidthDirAdj();
      size = Math.max(size, glyphSize);
      red += g.red() ? 1 : 0;
    }
    TextPosition first = row.get(0).position();
    return new Raw(
        text.toString().strip(), size, red * 2 > row.size(), first.getXDirAdj(), end, pageNumber);
  }

  private static float size(TextPosition p) {
    float size = p.getFontSizeInPt();
    return size > 0 ? size : p.getHeightDir();
  }

  /** Each line placed against the margins of the body, which the commonest lines give. */
  private List<Line> layout() {
    float left = margin(raws.stream().map(Raw::left).toList());
    float right = percentile(raws.stream().map(Raw::right).sorted().toList(), 0.9);
    float centre = pageWidth / 2;
    Raw previous = null;
    Line.Align previousAlign = null;
    for (Raw r : raws) {
      if (r.text().isEmpty() || Words.PAGE_NUMBER.matcher(r.text()).matches()) {
        continue;
      }
      float em = r.size();
      float middle = (r.left() + r.right()) / 2;
      boolean indented = r.left() > left + 0.8f * em;
      Line.Align align = Line.Align.LEFT;
      if (r.left() > left + 3.5f * em && middle > centre + 2.5f * em) {
        align = Line.Align.RIGHT;
      } else if (r.left() > left + 1.5f * em
          && r.right() < right - 1.5f * em
          && Math.abs(middle - centre) < 1.5f * em) {
        align = Line.Align.CENTER;
      }
      boolean joins =
          previous != null
              && !indented
              && align == Line.Align.LEFT
              && previousAlign == Line.Align.LEFT
              && previous.right() > right - 1.5f * em
              && Math.abs(previous.size() - r.size()) < 1f
              && previous.left() < left + 3.5f * em;
      lines.add(new Line(r.text(), r.size(), align, r.red(), indented, joins, r.page(), r.page()));
      previous = r;
      previousAlign = align;
    }
    return lines;
  }

  private static float percentile(List<Float> sorted, double share) {
    return sorted.isEmpty()
        ? 0
        : sorted.get((int) Math.min(sorted.size() - 1, share * sorted.size()));
  }

  /** The leftmost place two lines or more start at: the body's margin, not a stray glyph's. */
  private static float margin(List<Float> lefts) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (float v : lefts) {
      counts.merge(Math.round(v), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .map(e -> (float) e.getKey())
        .min(Float::compare)
        .orElse(lefts.stream().min(Float::compare).orElse(0f));
  }
}
