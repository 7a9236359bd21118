package org.gongkai.screening.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.gongkai.screening.Ground;

/**
 * Burns a box into a page's picture with its legal ground written on it, the way a reader of a
 * partly disclosed file expects to see why a part is missing. The few glyphs needed come with the
 * platform (a subset of Droid Sans Fallback), so a server without Chinese fonts writes them too.
 */
final class GroundLabels {

  private static final Font FONT = load();
  private static final float LARGEST = 24f;
  private static final float SMALLEST = 9f;
  private static final int MARGIN = 2;

  private GroundLabels() {}

  /**
   * Fills the box black and writes its ground in white inside it, shrunk to fit; a box too small
   * for the smallest legible label gets it beside it, in black on white, below or else above.
   */
  static void burn(Graphics2D g, Rectangle box, Ground ground, int pageHeight) {
    g.setColor(Color.BLACK);
    g.fill(box);
    if (ground == null) {
      return;
    }
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    String label = ground.label();
    float size = Math.min(LARGEST, box.height * 0.7f);
    FontMetrics metrics = g.getFontMetrics(FONT.deriveFont(size));
    while (size > SMALLEST && metrics.stringWidth(label) > box.width - MARGIN * 2) {
      size -= 1f;
      metrics = g.getFontMetrics(FONT.deriveFont(size));
    }
    boolean inside =
        size >= SMALLEST
            && metrics.stringWidth(label) <= box.width - MARGIN * 2
            && metrics.getAscent() <= box.height;
    if (inside) {
      g.setFont(FONT.deriveFont(size));
      g.setColor(Color.WHITE);
      int x = box.x + (box.width - metrics.stringWidth(label)) / 2;
      int y = box.y + (box.height - metrics.getHeight()) / 2 + metrics.getAscent();
      g.drawString(label, x, y);
      return;
    }
    Font small = FONT.deriveFont(SMALLEST);
    FontMetrics beside = g.getFontMetrics(small);
    int height = beside.getHeight() + MARGIN;
    int top = box.y + box.height + height <= pageHeight ? box.y + box.height : box.y - height;
    g.setColor(Color.WHITE);
    g.fillRect(box.x, top, beside.stringWidth(label) + MARGIN * 2, height);
    g.setColor(Color.BLACK);
    g.setFont(small);
    g.drawString(label, box.x + MARGIN, top + beside.getAscent());
  }

  private static Font load() {
    try (InputStream in = GroundLabels.class.getResourceAsStream("ground-labels.ttf")) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("The label font is damaged", e);
    }
  }
}
