package org.gongkai.foi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.gongkai.shared.storage.DataDirectory;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * Copies of applicants' identity documents, kept apart from the public attachments (never served
 * by the portal), named by content hash, written before the request that names them commits.
 */
@Component
class IdCopies {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

  private final Path folder;

  IdCopies(DataDirectory data) {
    this.folder = data.folder("foi-id-copies");
  }

  record Stored(String name, String contentType, byte[] content) {}

  RequestRepository.IdCopy store(FoiService.Upload upload) {
    if (upload.content() == null || upload.content().length == 0) {
      return null;
    }
    if (upload.content().length > MAX_BYTES) {
      throw Refusal.invalidField("idCopy", "foi.id-copy.too-large", MAX_BYTES / 1024 / 1024);
    }
    String type = sniff(upload.content());
    if (!TYPES.contains(type)) {
      throw Refusal.invalidField("idCopy", "foi.id-copy.type");
    }
    String sha = sha256(upload.content());
    Path target = folder.resolve(sha);
    try {
      if (!Files.exists(target)) {
        Path tmp = Files.createTempFile(folder, "upload", ".tmp");
        Files.write(tmp, upload.content());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = upload.fileName() == null ? "id-copy" : Path.of(upload.fileName()).getFileName().toString();
    return new RequestRepository.IdCopy(name.length() > 200 ? name.substring(0, 200) : name, type, sha);
  }

  Stored open(String sha256, String name, String type) {
    try {
      return new Stored(name, type, Files.readAllBytes(folder.resolve(sha256)));
    } catch (IOException e) {
      throw Refusal.gone("foi.id-copy.missing");
    }
  }

  /** The type the bytes say, not the one the browser claims. */
  private static String sniff(byte[] b) {
    if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
      return "image/jpeg";
    }
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 4 && new String(b, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).equals("%pdf-")) {
      return "application/pdf";
    }
    return "application/octet-stream";
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
