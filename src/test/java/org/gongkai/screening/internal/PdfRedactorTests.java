package org.gongkai.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.screening.FindingKind;
import org.gongkai.screening.Ground;
import org.gongkai.screening.Redactions;
import org.junit.jupiter.api.Test;

public class PdfRedactorTests {

  public static final String ID = "34010219850612301X";
  public static final String PHONE = "13800138000";

  private final PdfRedactor redactor = new PdfRedactor();

  @Test
  void whatLiesUnderABoxIsGoneFromTextImagesAnnotationsAndMetadata() throws IOException {
    // The number drawn in the image cannot be found without text recognition: staff box it.
    Redactions.Box overImage = new Redactions.Box(1, 70, 598, 304, 64);
    Redactions.Redacted redacted =
        redactor.redactPdf(leaky(), List.of(overImage), true, null, Set.of());

    assertThat(redacted.findings())
        .extracting(f -> f.kind())
        .containsExactlyInAnyOrder(FindingKind.IDENTITY_NUMBER, FindingKind.MOBILE_NUMBER);
    try (PDDocument out = Loader.loadPDF(redacted.file())) {
      String text = new PDFTextStripper().getText(out);
      assertThat(text).doesNotContain(ID).doesNotContain(PHONE).contains("Second page keeps");
      assertThat(out.getDocumentInformation().getTitle()).isNull();
      assertThat(out.getDocumentInformation().getAuthor()).isNull();
      assertThat(out.getDocumentCatalog().getMetadata()).isNull();
      assertThat(out.getDocumentCatalog().getAcroForm()).isNull();
      assertThat(out.getDocumentCatalog().getNames()).isNull();
      for (PDPage page : out.getPages()) {
        assertThat(page.getAnnotations()).isEmpty();
      }
      // The first page is one picture now: the original image and the text layer are gone with
      // it, and where the image showed the number the picture is black.
      assertThat(whiteShare(new PDFRenderer(out).renderImageWithDPI(0, 150), overImage))
          .isLessThan(0.01);
      List<PDImageXObject> images = new ArrayList<>();
      for (COSName name : out.getPage(0).getResources().getXObjectNames()) {
        images.add((PDImageXObject) out.getPage(0).getResources().getXObject(name));
      }
      assertThat(images).hasSize(1);
      assertThat(images.get(0).getWidth()).isGreaterThan(1000);
      assertThat(out.getPage(0).getResources().getFontNames()).isEmpty();
    }
  }

  @Test
  void aBoxDrawnByHandHidesTheWordsUnderIt() throws IOException {
    // "keeps" on the second page: Helvetica 12 from x = 72, "Second page " before it.
    Redactions.Box box = new Redactions.Box(2, 135, 695, 40, 20);
    Redactions.Redacted redacted = redactor.redactPdf(leaky(), List.of(box), false, null, Set.of());
    try (PDDocument out = Loader.loadPDF(redacted.file())) {
      String text = new PDFTextStripper().getText(out);
      assertThat(text).doesNotContain("keeps").contains(ID);
    }
  }

  @Test
  void aScannedPdfIsRefusedForAutomaticRedaction() throws IOException {
    byte[] scan;
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      BufferedImage picture = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
      try (var content = new PDPageContentStream(document, page)) {
        content.drawImage(LosslessFactory.createFromImage(document, picture), 50, 50);
      }
      var out = new ByteArrayOutputStream();
      document.save(out);
      scan = out.toByteArray();
    }
    assertThatThrownBy(() -> redactor.redactPdf(scan, List.of(), true, null, Set.of()))
        .isInstanceOf(Redactions.NoTextLayer.class);
  }

  @Test
  void aWordDocumentLosesTheValuesCommentsDeletedTextAndProperties() throws IOException {
    byte[] docx;
    try (XWPFDocument word = new XWPFDocument()) {
      word.getProperties().getCoreProperties().setCreator("Clerk Wang");
      word.getProperties().getCoreProperties().setTitle("List " + ID);
      var split = word.createParagraph();
      split.createRun().setText("Applicant " + ID.substring(0, 9));
      split.createRun().setText(ID.substring(9) + " approved");
      word.createParagraph().createRun().setText("Mobile " + PHONE + " and the name Li Si");
      var comment = word.createComments().createComment(java.math.BigInteger.ONE);
      comment.setAuthor("Reviewer");
      comment.createParagraph().createRun().setText("Check " + ID);
      var out = new ByteArrayOutputStream();
      word.write(out);
      docx = out.toByteArray();
    }
    Redactions.Redacted redacted =
        redactor.redactDocx(docx, List.of("Li Si"), true, Ground.ARTICLE_16_2, Set.of());
    try (XWPFDocument out = new XWPFDocument(new java.io.ByteArrayInputStream(redacted.file()));
        var text = new XWPFWordExtractor(out)) {
      assertThat(text.getText())
          .doesNotContain(ID)
          .doesNotContain(PHONE)
          .doesNotContain("Li Si")
          .contains("Applicant", "approved", "\u2588\u2588")
          .contains("\u2588\u3014" + Ground.ARTICLE_16_2.label() + "\u3015");
      assertThat(out.getDocComments() == null || out.getDocComments().getComments().isEmpty())
          .isTrue();
      assertThat(out.getProperties().getCoreProperties().getCreator()).isNullOrEmpty();
      assertThat(out.getProperties().getCoreProperties().getTitle()).isNullOrEmpty();
    }
  }

  @Test
  void eachBoxCarriesItsGroundInWhiteLettersAndABoxWithoutOneIsPlainBlack() throws IOException {
    Redactions.Box labelled = new Redactions.Box(2, 72, 300, 160, 30, Ground.ARTICLE_15);
    Redactions.Box plain = new Redactions.Box(2, 72, 200, 160, 30);
    Redactions.Redacted redacted =
        redactor.redactPdf(leaky(), List.of(labelled, plain), true, null, Set.of());

    assertThat(redacted.boxes())
        .filteredOn(b -> b.page() == 1)
        .extracting(Redactions.Box::ground)
        .containsOnly(Ground.ARTICLE_15);
    try (PDDocument out = Loader.loadPDF(redacted.file())) {
      BufferedImage page = new PDFRenderer(out).renderImageWithDPI(1, 150);
      assertThat(whiteShare(page, labelled)).isBetween(0.01, 0.6);
      assertThat(whiteShare(page, plain)).isLessThan(0.01);
    }
  }

  @Test
  void aGroundNamedForTheRedactionMarksTheFindingsAndUnmarkedBoxes() throws IOException {
    Redactions.Box box = new Redactions.Box(2, 135, 695, 40, 20);
    Redactions.Redacted redacted =
        redactor.redactPdf(leaky(), List.of(box), true, Ground.ARTICLE_14, Set.of());
    assertThat(redacted.boxes()).extracting(Redactions.Box::ground).containsOnly(Ground.ARTICLE_14);
  }

  @Test
  void pdftotextReadsTheOutputAgainWhereItIsInstalled() throws IOException {
    assumeTrue(SecondReader.available(), "pdftotext is not installed");
    byte[] original = leaky();
    assertThat(SecondReader.read(original)).contains(ID);
    assertThatThrownBy(() -> SecondReader.prove(original, Set.of(PHONE)))
        .isInstanceOf(Redactions.RedactionFailed.class);

    Redactions.Redacted redacted = redactor.redactPdf(original, List.of(), true, null, Set.of());
    assertThat(SecondReader.read(redacted.file()))
        .doesNotContain(ID)
        .doesNotContain(PHONE)
        .contains("Second page keeps");
  }

  /** The share of near-white pixels inside a box, on a page rendered at 150 dpi. */
  private static double whiteShare(BufferedImage page, Redactions.Box box) {
    float scale = 150 / 72f;
    int left = Math.round(box.x() * scale) + 2;
    int top = Math.round((842 - box.y() - box.height()) * scale) + 2;
    int width = Math.round(box.width() * scale) - 4;
    int height = Math.round(box.height() * scale) - 4;
    int white = 0;
    for (int x = left; x < left + width; x++) {
      for (int y = top; y < top + height; y++) {
        if ((page.getRGB(x, y) & 0xFF) > 200) {
          white++;
        }
      }
    }
    return (double) white / (width * height);
  }

  /** Two pages: numbers in the text and in an image; an annotation, metadata and a title. */
  public static byte[] leaky() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle("List with " + ID);
      document.getDocumentInformation().setAuthor("Clerk");
      PDMetadata xmp = new PDMetadata(document);
      xmp.importXMPMetadata(
          ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + ID + "</x:xmpmeta>")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      document.getDocumentCatalog().setMetadata(xmp);
      var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

      PDPage first = new PDPage(PDRectangle.A4);
      document.addPage(first);
      BufferedImage picture = new BufferedImage(300, 60, BufferedImage.TYPE_INT_RGB);
      var g = picture.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 300, 60);
      g.setColor(Color.BLACK);
      g.drawString("ID " + ID, 10, 30);
      g.dispose();
      try (var content = new PDPageContentStream(document, first)) {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(72, 700);
        content.showText("Applicant ID " + ID + " mobile " + PHONE);
        content.endText();
        content.drawImage(LosslessFactory.createFromImage(document, picture), 72, 600);
      }

      PDPage second = new PDPage(PDRectangle.A4);
      document.addPage(second);
      try (var content = new PDPageContentStream(document, second)) {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(72, 700);
        content.showText("Second page keeps its text");
        content.endText();
      }
      PDAnnotationText note = new PDAnnotationText();
      note.setContents("Applicant " + ID);
      note.setRectangle(new PDRectangle(72, 650, 20, 20));
      second.getAnnotations().add(note);

      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
