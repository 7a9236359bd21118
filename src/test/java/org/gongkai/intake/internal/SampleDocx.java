package org.gongkai.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes a spec's blocks as a Word document with POI. Some writers break a long title by hand
 * inside one paragraph, others give each line a paragraph of its own: the specs whose id is
 * divisible by three take the first way.
 */
final class SampleDocx {

  private SampleDocx() {}

  private static void cell(XWPFTableCell cell, String text, float size) {
    XWPFRun run = cell.getParagraphs().get(0).createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setColor("FF0000");
  }

  static byte[] write(IntakeSpec spec) {
    try (XWPFDocument document = new XWPFDocument()) {
      boolean breaksInTitle = Integer.parseInt(spec.id()) % 3 == 0;
      XWPFParagraph title = null;
      XWPFParagraph right = null;
      XWPFTable mark = null;
      for (SampleBlocks.Block block : SampleBlocks.of(spec)) {
        if (block.red() && block.align() == SampleBlocks.Align.LEFT) {
          // A joint mark with 文件 beside the organs, as Word users lay it out: a table.
          XWPFTableRow row =
              mark == null ? (mark = document.createTable(1, 2)).getRow(0) : mark.createRow();
          cell(row.getCell(0), block.text(), block.size());
          cell(row.getCell(1), block.right() == null ? "" : block.right(), block.size());
          continue;
        }
        if (spec.quirks().contains("sig-date-one-paragraph")
            && block.align() == SampleBlocks.Align.RIGHT
            && right != null) {
          XWPFRun run = right.createRun();
          run.addBreak();
          run.setText(block.text());
          run.setFontSize(block.size());
          continue;
        }
        boolean titleLine =
            block.size() == SampleBlocks.TITLE && block.align() == SampleBlocks.Align.CENTER;
        if (breaksInTitle && titleLine && title != null && !block.pageBreak()) {
          XWPFRun run = title.createRun();
          run.addBreak();
          run.setText(block.text());
          run.setFontSize(block.size());
          continue;
        }
        XWPFParagraph p = document.createParagraph();
        title = titleLine ? p : null;
        right = block.align() == SampleBlocks.Align.RIGHT ? p : null;
        p.setPageBreak(block.pageBreak());
        p.setAlignment(
            switch (block.align()) {
              case CENTER -> ParagraphAlignment.CENTER;
              case RIGHT -> ParagraphAlignment.RIGHT;
              case LEFT -> ParagraphAlignment.BOTH;
            });
        int twips = Math.round(block.size() * 20);
        if (block.indent() > 0) {
          p.setIndentationFirstLine(block.indent() * twips);
        }
        if (block.rightIndent() > 0 && block.align() == SampleBlocks.Align.RIGHT) {
          p.setIndentationRight(block.rightIndent() * twips);
        }
        XWPFRun run = p.createRun();
        boolean tab = block.right() != null && spec.quirks().contains("tab-colophon");
        run.setText(
            block.right() == null || tab
                ? block.text()
                : block.text() + "          " + block.right());
        run.setFontSize(block.size());
        if (tab) {
          XWPFRun after = p.createRun();
          after.addTab();
          after.setText(block.right());
          after.setFontSize(block.size());
        }
        if (block.red()) {
          run.setColor("FF0000");
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
