package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a file is from its bytes, not its name: PDF, Word, Excel (binary and OOXML), OFD,
 * and PNG, JPEG or GIF images. The file name's extension must agree with the content, so that a
 * script renamed to .pdf is refused, and an OOXML file that carries macros, ActiveX controls or
 * embedded OLE objects is no accepted type at all.
 */
public final class FileTypes {

  /**
   * What the public may upload: PDF, images and OOXML. The binary Word and Excel formats can carry
   * macros that no check here can see, so only staff may upload them.
   */
  public static final Set<Type> FROM_THE_PUBLIC =
      EnumSet.of(Type.PDF, Type.PNG, Type.JPEG, Type.GIF, Type.DOCX, Type.XLSX);

  private FileTypes() {}

  /** The types the platform accepts from uploads. */
  public enum Type {
    PDF("application/pdf", "pdf"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    OFD("application/ofd", "ofd"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif");

    private final String mediaType;
    private final String[] extensions;

    Type(String mediaType, String... extensions) {
      this.mediaType = mediaType;
      this.extensions = extensions;
    }

    public String mediaType() {
      return mediaType;
    }

    boolean matchesName(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      for (String ext : extensions) {
        if (lower.endsWith("." + ext)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The file's type, when its bytes are one of the accepted types and its name's extension agrees.
   */
  public static Optional<Type> detect(Path file, String fileName) throws IOException {
    byte[] head = new byte[8];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    Optional<Type> type = fromSignature(file, head, read, fileName);
    return type.filter(t -> t.matchesName(fileName));
  }

  private static Optional<Type> fromSignature(Path file, byte[] h, int n, String fileName)
      throws IOException {
    if (n >= 5 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F' && h[4] == '-') {
      return Optional.of(Type.PDF);
    }
    if (n >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
      return Optional.of(Type.PNG);
    }
    if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
      return Optional.of(Type.JPEG);
    }
    if (n >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
      return Optional.of(Type.GIF);
    }
    if (n >= 8
        && (h[0] & 0xFF) == 0xD0
        && (h[1] & 0xFF) == 0xCF
        && (h[2] & 0xFF) == 0x11
        && (h[3] & 0xFF) == 0xE0) {
      // OLE2 compound file: Word and Excel share the container; the name tells which was meant.
      return Type.DOC.matchesName(fileName)
          ? Optional.of(Type.DOC)
          : Type.XLS.matchesName(fileName) ? Optional.of(Type.XLS) : Optional.empty();
    }
    if (n >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
      return zipContent(file);
    }
    return Optional.empty();
  }

  private static Optional<Type> zipContent(Path file) {
    return OfficeParts.inspect(file)
        .flatMap(
            kind ->
                switch (kind) {
                  case WORD -> Optional.of(Type.DOCX);
                  case EXCEL -> Optional.of(Type.XLSX);
                  case OFD -> Optional.of(Type.OFD);
                  case OTHER -> Optional.<Type>empty();
                });
  }

  /**
   * Parts that run code when the document is opened: VBA projects, macro sheets, ActiveX controls,
   * OLE objects.
   */
  static boolean isActiveContent(String partName) {
    String lower = partName.toLowerCase(Locale.ROOT);
    return lower.endsWith("vbaproject.bin")
        || lower.endsWith("vbadata.xml")
        || lower.contains("/activex/")
        || lower.startsWith("xl/macrosheets/")
        || lower.startsWith("xl/dialogsheets/")
        || (lower.contains("/embeddings/")
            && (lower.endsWith(".bin") || lower.contains("oleobject")));
  }
}
