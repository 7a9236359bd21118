package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Files the public sends with a form (an identity copy, a comment's attachment): kept in a folder
 * of the data directory per purpose, named by content hash, written atomically before the record
 * that names them commits, typed by their bytes rather than by what the browser claims.
 */
@Component
public class StoredFiles {

  private final DataDirectory data;

  StoredFiles(DataDirectory data) {
    this.data = data;
  }

  /** A stored file as its record names it. */
  public record StoredFile(String name, String contentType, String sha256, long size) {}

  public StoredFile store(String folder, String fileName, byte[] content) {
    String sha = sha256(content);
    Path dir = data.folder(folder);
    Path target = dir.resolve(sha);
    try {
      if (!Files.exists(target)) {
        Path tmp = Files.createTempFile(dir, "upload", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = fileName == null || fileName.isBlank() ? "file" : Path.of(fileName).getFileName().toString();
    return new StoredFile(name.length() > 200 ? name.substring(0, 200) : name, sniff(content), sha, content.length);
  }

  public Optional<byte[]> read(String folder, String sha256) {
    try {
      return Optional.of(Files.readAllBytes(data.folder(folder).resolve(sha256)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The type the bytes say: JPEG, PNG, PDF, Office Open XML (as zip) or unknown. */
  public static String sniff(byte[] b) {
    if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
      return "image/jpeg";
    }
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 4 && new String(b, 0, 5, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).equals("%pdf-")) {
      return "application/pdf";
    }
    if (b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return "application/zip";
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
