package org.gongkai.report.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

/**
 * The faces of official documents (report/fonts.properties): 小标宋 for the title, 黑体 for headings,
 * 仿宋_GB2312 for the text and 宋体 in tables, Times New Roman for Latin letters and figures. Not every
 * machine has them, so the document's font table names, for each face, the ones a program may take
 * instead (its {@code altName}s).
 */
final class OfficialFonts {

  /**
   * A face for Chinese text, the one for Latin letters and figures beside it, and its substitutes.
   */
  record Face(String chinese, String latin, String alternatives) {}

  private static final Properties FACES = faces();
  static final Face TITLE = face("title");
  static final Face HEADING = face("heading");
  static final Face TEXT = face("text");
  static final Face TABLE = face("table");

  private static final String FONT_TABLE_RELATION =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
  private static final String FONT_TABLE_TYPE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";

  private OfficialFonts() {}

  private static Properties faces() {
    Properties faces = new Properties();
    try (var in = OfficialFonts.class.getResourceAsStream("/report/fonts.properties")) {
      faces.load(
          new InputStreamReader(
              Objects.requireNonNull(in, "report/fonts.properties"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return faces;
  }

  private static Face face(String use) {
    String[] parts = FACES.getProperty(use).split(";", 2);
    return new Face(parts[0].strip(), "Times New Roman", parts[1].strip());
  }

  static XWPFParagraph paragraph(XWPFDocument doc, String text, Face face, int halfPoints) {
    XWPFParagraph p = doc.createParagraph();
    run(p, text, face, halfPoints, false);
    return p;
  }

  static XWPFRun run(XWPFParagraph p, String text, Face face, int halfPoints, boolean bold) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontSize(halfPoints / 2.0);
    run.setBold(bold);
    CTRPr props = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    CTFonts fonts = props.sizeOfRFontsArray() > 0 ? props.getRFontsArray(0) : props.addNewRFonts();
    fonts.setAscii(face.latin());
    fonts.setHAnsi(face.latin());
    fonts.setEastAsia(face.chinese());
    fonts.setHint(STHint.EAST_ASIA);
    return run;
  }

  /**
   * Adds the font table with the fallbacks. POI does not model this part, so it is written as the
   * few lines of WordprocessingML it is.
   */
  static void declare(XWPFDocument doc) {
    PackagePart main = doc.getPackagePart();
    try {
      if (!main.getRelationshipsByType(FONT_TABLE_RELATION).isEmpty()) {
        return;
      }
      PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
      PackagePart part = main.getPackage().createPart(name, FONT_TABLE_TYPE);
      main.addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_RELATION);
      StringBuilder xml =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                  + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
      for (Face face : new Face[] {TITLE, HEADING, TEXT, TABLE}) {
        xml.append("<w:font w:name=\"")
            .append(face.chinese())
            .append("\"><w:altName w:val=\"")
            .append(face.alternatives())
            .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
            .append(face == HEADING ? "modern" : "roman")
            .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
      }
      xml.append(
          "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
              + "<w:pitch w:val=\"variable\"/></w:font></w:fonts>");
      try (OutputStream out = part.getOutputStream()) {
        out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (InvalidFormatException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
