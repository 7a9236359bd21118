package org.gongkai.intake.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;

/**
 * A Word document's lines: each paragraph, or each of its lines where the writer broke it by hand,
 * with the paragraph's alignment, the largest font size and colour of its runs, and the page it
 * starts on as far as hand-made page breaks tell. A table's rows become lines of their own (a joint
 * organ mark with 文件 beside the organs is often a table).
 */
final class DocxLines {

  /** Word's default for a run with no size of its own: 三号, the body size of GB/T 9704. */
  private static final float DEFAULT_SIZE = 16f;

  private DocxLines() {}

  static List<Line> of(XWPFDocument document) {
    List<Line> lines = new ArrayList<>();
    int page = 1;
    List<IBodyElement> elements = document.getBodyElements();
    for (int i = 0; i < elements.size(); i++) {
      IBodyElement element = elements.get(i);
      if (element instanceof XWPFTable table) {
        int source = i;
        int onPage = page;
        for (var row : table.getRows()) {
          StringBuilder text = new StringBuilder();
          float size = 0;
          int red = 0;
          int runs = 0;
          for (var cell : row.getTableCells()) {
            text.append(cell.getText()).append(' ');
            for (XWPFParagraph p : cell.getParagraphs()) {
              for (XWPFRun run : p.getRuns()) {
                Double s = run.getFontSizeAsDouble();
                size = Math.max(size, s == null ? 0 : s.floatValue());
                if (!run.text().isBlank()) {
                  runs++;
                  red += "FF0000".equalsIgnoreCase(run.getColor()) ? 1 : 0;
                }
              }
            }
          }
          if (!text.toString().isBlank()) {
            lines.add(
                new Line(
                    text.toString().strip(),
                    size == 0 ? DEFAULT_SIZE : size,
                    Line.Align.LEFT,
                    runs > 0 && red * 2 > runs,
                    false,
                    false,
                    page,
                    i));
          }
        }
        continue;
      }
      if (!(element instanceof XWPFParagraph paragraph)) {
        continue;
      }
      if (paragraph.isPageBreak()) {
        page++;
      }
      float size = 0;
      int red = 0;
      int runs = 0;
      boolean breakAfter = false;
      StringBuilder text = new StringBuilder();
      for (XWPFRun run : paragraph.getRuns()) {
        Double s = run.getFontSizeAsDouble();
        size = Math.max(size, s == null ? 0 : s.floatValue());
        String t = run.text();
        if (!t.isBlank()) {
          runs++;
          red += "FF0000".equalsIgnoreCase(run.getColor()) ? 1 : 0;
        }
        boolean pageBreak =
            run.getCTR().getBrList().stream()
                .anyMatch(b -> b.isSetType() && b.getType() == STBrType.PAGE);
        if (pageBreak && t.isBlank()) {
          breakAfter = true;
        }
        text.append(t);
      }
      if (text.toString().isBlank()) {
        page += breakAfter ? 1 : 0;
        continue;
      }
      Line.Align align = align(paragraph.getAlignment());
      boolean indented =
          paragraph.getIndentationFirstLine() > 0
              || text.charAt(0) == '\u3000'
              || text.toString().startsWith("  ");
      for (String part : text.toString().split("[\\n\\r\\u000b]")) {
        if (!part.isBlank()) {
          lines.add(
              new Line(
                  part.strip(),
                  size == 0 ? DEFAULT_SIZE : size,
                  align,
                  runs > 0 && red * 2 > runs,
                  indented,
                  false,
                  page,
                  i));
        }
      }
      page += breakAfter ? 1 : 0;
    }
    return lines;
  }

  private static Line.Align align(ParagraphAlignment alignment) {
    return switch (alignment) {
      case CENTER -> Line.Align.CENTER;
      case RIGHT, END -> Line.Align.RIGHT;
      default -> Line.Align.LEFT;
    };
  }
}
