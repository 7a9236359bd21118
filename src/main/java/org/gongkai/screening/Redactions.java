package org.gongkai.screening;

import java.util.Collection;
import java.util.List;

/**
 * True redaction of PDFs: what lies under a box is gone from the file, not covered. A page with a
 * box is replaced by a picture of itself with the boxes burnt in (its text, images and drawings
 * under and around the boxes leave the file with it); the other pages are kept as they are. The
 * document information, XMP metadata, annotations, form fields, embedded files and scripts are
 * dropped. Each box is marked with the legal ground it is withheld on. The output is read again (by
 * PDFBox, and by {@code pdftotext} where it is installed) and must hold none of the redacted text,
 * or the redaction fails.
 */
public interface Redactions {

  /**
   * A box on a page (1-based), in PDF points from the page's lower left corner, with the ground it
   * is withheld on ({@code null}: the redaction's own).
   */
  record Box(int page, float x, float y, float width, float height, Ground ground) {

    public Box(int page, float x, float y, float width, float height) {
      this(page, x, y, width, height, null);
    }

    public Box withGround(Ground fallback) {
      return ground != null || fallback == null
          ? this
          : new Box(page, x, y, width, height, fallback);
    }
  }

  /**
   * The redacted file, and what was redacted: the boxes (a PDF's), and the findings redacted
   * automatically.
   */
  record Redacted(byte[] file, List<Box> boxes, List<Finding> findings) {}

  /**
   * Redacts the boxes given and, with {@code auto}, every blocking finding of the scanner on the
   * pages' text. A box without a ground is marked with {@code ground}; a finding with {@code
   * ground}, or with its kind's ({@link Ground#forKind}) when that is {@code null}. A PDF without a
   * text layer cannot be redacted automatically (no text recognition is attempted): {@link
   * NoTextLayer}.
   */
  Redacted redactPdf(
      byte[] pdf, List<Box> boxes, boolean auto, Ground ground, Collection<String> ownNumbers);

  /**
   * Redacts a Word document (DOCX): each of {@code texts} and, with {@code auto}, every blocking
   * finding of the scanner, is replaced by blocks in the runs that hold it; comments, deleted text
   * kept by tracked changes, and the document's core and custom properties are removed. The blocks
   * are followed by the ground in brackets, chosen as for a PDF. The output is read again like a
   * PDF's.
   */
  Redacted redactDocx(
      byte[] docx, List<String> texts, boolean auto, Ground ground, Collection<String> ownNumbers);

  /** Automatic redaction asked of a PDF whose pages hold no text: scanned images. */
  final class NoTextLayer extends RuntimeException {
    public NoTextLayer() {
      super("The PDF has no text layer: its pages are images");
    }
  }

  /** The output still held a redacted text: nothing is returned. */
  final class RedactionFailed extends RuntimeException {
    public RedactionFailed(String what) {
      super("The redacted file still holds " + what);
    }
  }
}
