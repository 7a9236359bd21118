package org.gongkai.screening.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A page's text with, for each character, where it is drawn (null for the breaks between). */
final class PositionedText extends PDFTextStripper {

  private final StringBuilder text = new StringBuilder();
  private final List<TextPosition> positions = new ArrayList<>();

  /** A rectangle in the page's display space: from its top left corner, y downwards, in points. */
  record Area(float left, float top, float right, float bottom) {

    Area union(Area other) {
      return new Area(
          Math.min(left, other.left),
          Math.min(top, other.top),
          Math.max(right, other.right),
          Math.max(bottom, other.bottom));
    }
  }

  static PositionedText of(PDDocument document, int page) throws IOException {
    PositionedText reader = new PositionedText();
    reader.setStartPage(page);
    reader.setEndPage(page);
    reader.getText(document);
    return reader;
  }

  private PositionedText() {
    setSortByPosition(true);
  }

  String text() {
    return text.toString();
  }

  /** Where the characters from {@code start} to {@code end} are drawn; null when nowhere. */
  Area area(int start, int end) {
    Area area = null;
    for (int i = start; i < end; i++) {
      TextPosition p = positions.get(i);
      if (p != null) {
        Area glyph =
            new Area(
                p.getXDirAdj(),
                p.getYDirAdj() - p.getHeightDir(),
                p.getXDirAdj() + p.getWidthDirAdj(),
                p.getYDirAdj());
        area = area == null ? glyph : area.union(glyph);
      }
    }
    return area;
  }

  @Override
  protected void writeString(String string, List<TextPosition> textPositions) {
    for (TextPosition p : textPositions) {
      String unicode = p.getUnicode();
      for (int i = 0; i < unicode.length(); i++) {
        text.append(unicode.charAt(i));
        positions.add(p);
      }
    }
  }

  @Override
  protected void writeWordSeparator() {
    text.append(' ');
    positions.add(null);
  }

  @Override
  protected void writeLineSeparator() {
    text.append('\n');
    positions.add(null);
  }
}
