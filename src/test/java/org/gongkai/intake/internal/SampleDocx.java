package org.gongkai.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes a spec's blocks as a Word document with POI. Some writers break a long title by hand
 * inside one paragraph, others give each line a paragraph of its own: the specs whose id is
 * divisible by three take the first way.
 */
final class SampleDocx {

  private SampleDocx() {}

  static byte[] write(IntakeSpec spec) {
    try (XWPFDocument document = new XWPFDocument()) {
      boolean breaksInTitle = Integer.parseInt(spec.id()) % 3 == 0;
      XWPFParagraph title = null;
      for (SampleBlocks.Block block : SampleBlocks.of(spec)) {
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
        run.setText(
            block.right() == null ? block.text() : block.text() + "          " + block.right());
        run.setFontSize(block.size());
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
