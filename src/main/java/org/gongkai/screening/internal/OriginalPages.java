package org.gongkai.screening.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.gongkai.shared.web.Refusal;

/** A PDF original's pages as the redaction page shows them: their sizes and their pictures. */
final class OriginalPages {

  /** The resolution of a page's picture: the size it is drawn at on a screen. */
  static final float DPI = 96;

  /** A PDF page's size in points, for turning what is drawn on its picture into a box. */
  record PageSize(int page, float width, float height) {}

  private OriginalPages() {}

  static List<PageSize> sizes(byte[] pdfBytes) {
    try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
      List<PageSize> sizes = new ArrayList<>();
      for (int i = 0; i < pdf.getNumberOfPages(); i++) {
        PDPage page = pdf.getPage(i);
        sizes.add(
            new PageSize(i + 1, page.getMediaBox().getWidth(), page.getMediaBox().getHeight()));
      }
      return sizes;
    } catch (IOException e) {
      throw Refusal.invalidField("file", "redaction.unreadable");
    }
  }

  /** Page {@code page} (from 1) as a PNG picture, if the file has it. */
  static Optional<byte[]> picture(byte[] pdfBytes, int page) {
    try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
      if (page < 1 || page > pdf.getNumberOfPages()) {
        return Optional.empty();
      }
      var picture = new PDFRenderer(pdf).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
      var out = new ByteArrayOutputStream();
      ImageIO.write(picture, "png", out);
      return Optional.of(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
