package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads an OOXML package the way Office would act on it, not by its part names: the content types
 * in {@code [Content_Types].xml}, every relationship in the {@code _rels} parts, and the field
 * codes of a Word document. Refused: macro-enabled or VBA, ActiveX and OLE content under any part
 * name, relationships to anything outside the package other than a plain hyperlink (an external
 * {@code attachedTemplate} fetches and runs a template), DDE fields and links. Every read goes
 * through POI's {@link ZipSecureFile}, whose limits (entries, entry size, inflation ratio) stop zip
 * bombs.
 */
final class OfficeParts {

  /** What the package is, once nothing in it runs. */
  enum Kind {
    WORD,
    EXCEL,
    OFD,
    OTHER
  }

  static {
    // Tighter than POI's defaults, for every OOXML read in the platform (reports and imports too).
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    ZipSecureFile.setMaxFileCount(10_000);
    ZipSecureFile.setMaxTextSize(50L * 1024 * 1024);
  }

  private static final XMLInputFactory XML = safeFactory();
  private static final Pattern DDE = Pattern.compile("(?i)\\bDDE(AUTO)?\\b");
  private static final String HYPERLINK =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

  private OfficeParts() {}

  /** Sets the limits (in the static initialiser) before any POI read elsewhere. */
  static void limits() {
    // The class's static initialiser has run by now.
  }

  /** The package's kind, or refused (empty) when it is not a package or carries active content. */
  static Optional<Kind> inspect(Path file) {
    try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
      boolean word = false;
      boolean excel = false;
      boolean ofd = false;
      ZipArchiveEntry contentTypes = null;
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      for (ZipArchiveEntry entry : entries) {
        String name = entry.getName();
        if (FileTypes.isActiveContent(name)
            || name.toLowerCase(Locale.ROOT).startsWith("xl/externallinks/")) {
          return Optional.empty();
        }
        if (name.equals("[Content_Types].xml")) {
          contentTypes = entry;
        }
        word |= name.startsWith("word/");
        excel |= name.startsWith("xl/");
        ofd |= name.equalsIgnoreCase("OFD.xml");
      }
      if (ofd) {
        return Optional.of(Kind.OFD);
      }
      if (contentTypes == null || !(word || excel)) {
        return Optional.of(Kind.OTHER);
      }
      if (!contentTypesAreInert(zip, contentTypes)) {
        return Optional.empty();
      }
      for (ZipArchiveEntry entry : entries) {
        String name = entry.getName();
        if (name.endsWith(".rels") && !relationshipsStayInside(zip, entry)) {
          return Optional.empty();
        }
        if (word
            && name.startsWith("word/")
            && name.endsWith(".xml")
            && !name.contains("/_rels/")
            && hasDdeField(zip, entry)) {
          return Optional.empty();
        }
      }
      return Optional.of(word ? Kind.WORD : Kind.EXCEL);
    } catch (IOException | XMLStreamException | RuntimeException unreadableOrTooLarge) {
      return Optional.empty();
    }
  }

  /** No macro-enabled, VBA, ActiveX or OLE content type, under whatever part name. */
  private static boolean contentTypesAreInert(ZipSecureFile zip, ZipArchiveEntry entry)
      throws IOException, XMLStreamException {
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT) {
            String type = xml.getAttributeValue(null, "ContentType");
            if (type != null && isActiveType(type)) {
              return false;
            }
          }
        }
      } finally {
        xml.close();
      }
    }
    return true;
  }

  static boolean isActiveType(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.contains("macroenabled")
        || t.contains("vbaproject")
        || t.contains("vbadata")
        || t.contains("activex")
        || t.contains("oleobject")
        || t.contains("ms-office.vba")
        || t.contains("x-ms-excel.addin")
        || t.endsWith(".template.macroenabled.main+xml");
  }

  /**
   * Every relationship targets a part of the package, except hyperlinks, which Office only follows
   * when clicked; no relationship is to VBA, ActiveX or OLE content.
   */
  private static boolean relationshipsStayInside(ZipSecureFile zip, ZipArchiveEntry entry)
      throws IOException, XMLStreamException {
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT
              && "Relationship".equals(xml.getLocalName())) {
            String type = String.valueOf(xml.getAttributeValue(null, "Type"));
            String mode = xml.getAttributeValue(null, "TargetMode");
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.endsWith("/vbaproject")
                || lower.endsWith("/oleobject")
                || lower.endsWith("/activexcontrol")
                || lower.endsWith("/activexcontrolbinary")
                || lower.endsWith("/wordvbadata")) {
              return false;
            }
            if ("External".equalsIgnoreCase(mode) && !HYPERLINK.equals(type)) {
              return false;
            }
          }
        }
      } finally {
        xml.close();
      }
    }
    return true;
  }

  /** A DDE or DDEAUTO field code, simple or complex, runs a program when the document opens. */
  private static boolean hasDdeField(ZipSecureFile zip, ZipArchiveEntry entry)
      throws IOException, XMLStreamException {
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      try {
        boolean inInstruction = false;
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String local = xml.getLocalName();
            if ("fldSimple".equals(local)) {
              String instr = attribute(xml, "instr");
              if (instr != null && DDE.matcher(instr).find()) {
                return true;
              }
            }
            inInstruction = "instrText".equals(local);
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            inInstruction = false;
          } else if (inInstruction
              && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
              && DDE.matcher(xml.getText()).find()) {
            return true;
          }
        }
      } finally {
        xml.close();
      }
    }
    return false;
  }

  private static String attribute(XMLStreamReader xml, String localName) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if (localName.equals(xml.getAttributeLocalName(i))) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }

  /** No DTDs, no external entities: a package's XML cannot reach out or expand. */
  private static XMLInputFactory safeFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
