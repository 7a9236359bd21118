package org.gongkai.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the public uploads cannot carry: macros and controls in Office files, scripts in PDFs. */
class ActiveContentTests {

  @TempDir Path dir;

  private final Set<FileTypes.Type> everything = Set.of(FileTypes.Type.values());

  private StoredFiles files() {
    return new StoredFiles(new DataDirectory(dir), Clock.systemUTC());
  }

  private StoredFiles.Limits fromThePublic() {
    return StoredFiles.Limits.fromThePublic(
        10_000_000,
        everything,
        () -> new IllegalStateException("too large"),
        () -> new IllegalStateException("refused"));
  }

  @Test
  void officeFilesWithMacrosControlsOrOleObjectsAreNoAcceptedType() throws IOException {
    StoredFiles files = files();
    assertThat(
            files
                .store(
                    "a",
                    "clean.docx",
                    ooxml("word/document.xml"),
                    everything,
                    IllegalStateException::new)
                .contentType())
        .contains("wordprocessingml");
    for (String[] file :
        new String[][] {
          {"macro.docx", "word/vbaProject.bin"},
          {"macro.xlsx", "xl/vbaProject.bin"},
          {"control.xlsx", "xl/activeX/activeX1.xml"},
          {"ole.docx", "word/embeddings/oleObject1.bin"},
          {"sheet.xlsx", "xl/macrosheets/sheet1.xml"}
        }) {
      String word = file[0].endsWith(".docx") ? "word/document.xml" : "xl/workbook.xml";
      assertThatThrownBy(
              () ->
                  files.store(
                      "a",
                      file[0],
                      ooxml(word, file[1]),
                      everything,
                      () -> new IllegalStateException("refused")))
          .as(file[1])
          .hasMessage("refused");
    }
  }

  @Test
  void thePublicMaySendNeitherBinaryWordNorExcel() {
    byte[] ole2 = new byte[512];
    byte[] magic = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    System.arraycopy(magic, 0, ole2, 0, magic.length);
    assertThat(
            files()
                .store("a", "staff.doc", ole2, everything, IllegalStateException::new)
                .contentType())
        .isEqualTo("application/msword");
    assertThatThrownBy(
            () -> files().store("a", "public.doc", new ByteArrayInputStream(ole2), fromThePublic()))
        .hasMessage("refused");
  }

  @Test
  void aPdfFromThePublicLosesItsScriptsAndKeepsItsLinks() throws Exception {
    byte[] armed;
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('opened')"));
      PDAnnotationLink link = new PDAnnotationLink();
      PDActionURI uri = new PDActionURI();
      uri.setURI("https://www.gov.cn/");
      link.setAction(uri);
      page.getAnnotations().add(link);
      PDAnnotationLink script = new PDAnnotationLink();
      script.setAction(new PDActionJavaScript("app.launchURL('http://evil.example/')"));
      page.getAnnotations().add(script);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      armed = out.toByteArray();
    }
    StoredFiles files = files();
    StoredFiles.StoredFile stored =
        files.store("a", "意见.pdf", new ByteArrayInputStream(armed), fromThePublic());
    byte[] kept = files.read("a", stored.sha256()).orElseThrow();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kept)))
        .isEqualTo(stored.sha256());
    assertThat(stored.size()).isEqualTo(kept.length);
    try (PDDocument pdf = Loader.loadPDF(kept)) {
      assertThat(pdf.getDocumentCatalog().getOpenAction()).isNull();
      var annotations = pdf.getPage(0).getAnnotations();
      assertThat(((PDAnnotationLink) annotations.get(0)).getAction())
          .isInstanceOf(PDActionURI.class);
      assertThat(((PDAnnotationLink) annotations.get(1)).getAction()).isNull();
    }
    assertThat(new String(kept, StandardCharsets.ISO_8859_1))
        .doesNotContain("app.alert", "launchURL");

    StoredFiles.StoredFile staff =
        files.store("a", "正式文件.pdf", armed, everything, IllegalStateException::new);
    assertThat(files.read("a", staff.sha256()).orElseThrow())
        .as("staff files are kept byte for byte")
        .isEqualTo(armed);
  }

  @Test
  void aPdfThatCannotBeReadIsRefusedFromThePublic() {
    byte[] broken = "%PDF-1.4\nnot really a pdf".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () ->
                files().store("a", "broken.pdf", new ByteArrayInputStream(broken), fromThePublic()))
        .hasMessage("refused");
  }

  private static byte[] ooxml(String... parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      for (String part : parts) {
        zip.putNextEntry(new ZipEntry(part));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }
}
