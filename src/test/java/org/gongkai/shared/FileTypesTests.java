package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.shared.storage.FileTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTypesTests {

  @TempDir Path dir;

  @Test
  void recognisesOfficeFilesByTheirContent() throws Exception {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("正文");
      doc.write(docx);
    }
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.createSheet("s").createRow(0).createCell(0).setCellValue(1);
      book.write(xlsx);
    }
    assertThat(detect(docx.toByteArray(), "通知.docx")).isEqualTo(FileTypes.Type.DOCX);
    assertThat(detect(xlsx.toByteArray(), "表.XLSX")).isEqualTo(FileTypes.Type.XLSX);
    assertThat(detect(xlsx.toByteArray(), "表.docx")).as("a spreadsheet named .docx").isNull();
  }

  @Test
  void recognisesOfdPdfAndImages() throws Exception {
    ByteArrayOutputStream ofd = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(ofd)) {
      zip.putNextEntry(new ZipEntry("OFD.xml"));
      zip.write("<ofd:OFD/>".getBytes());
      zip.closeEntry();
    }
    assertThat(detect(ofd.toByteArray(), "公文.ofd")).isEqualTo(FileTypes.Type.OFD);
    assertThat(detect("%PDF-1.7\n".getBytes(), "a.pdf")).isEqualTo(FileTypes.Type.PDF);
    assertThat(detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "a.png"))
        .isEqualTo(FileTypes.Type.PNG);
    assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "a.jpeg"))
        .isEqualTo(FileTypes.Type.JPEG);
  }

  @Test
  void refusesEverythingElse() throws Exception {
    assertThat(detect("<html><script>".getBytes(), "a.pdf")).isNull();
    assertThat(detect("MZ\u0090\u0000".getBytes(), "setup.exe")).isNull();
    assertThat(detect("%PDF-1.7".getBytes(), "a.exe")).isNull();
  }

  private FileTypes.Type detect(byte[] content, String name) throws Exception {
    Path file = Files.createTempFile(dir, "f", ".bin");
    Files.write(file, content);
    return FileTypes.detect(file, name).orElse(null);
  }
}
