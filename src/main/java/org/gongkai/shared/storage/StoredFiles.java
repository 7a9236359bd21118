package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Files the public sends with a form (an identity copy, a comment's attachment): kept in a folder
 * of the data directory per purpose, named by content hash, written before the record that names
 * them commits, and typed by {@link FileTypes} from their bytes rather than by what the browser claims.
 */
@Component
public class StoredFiles {

  private final DataDirectory data;

  StoredFiles(DataDirectory data) {
    this.data = data;
  }

  /** A stored file as its record names it. */
  public record StoredFile(String name, String contentType, String sha256, long size) {}

  /**
   * Stores the file when its type is one of {@code accepted}; otherwise throws what {@code refusal}
   * gives and keeps nothing.
   */
  public StoredFile store(String folder, String fileName, byte[] content, Set<FileTypes.Type> accepted,
      Supplier<? extends RuntimeException> refusal) {
    String name = fileName == null || fileName.isBlank() ? "file" : Path.of(fileName).getFileName().toString();
    Path dir = data.folder(folder);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "upload", ".tmp");
      Files.write(tmp, content);
      Optional<FileTypes.Type> type = FileTypes.detect(tmp, name).filter(accepted::contains);
      if (type.isEmpty()) {
        throw refusal.get();
      }
      String sha = sha256(content);
      Files.move(tmp, dir.resolve(sha), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      return new StoredFile(name.length() > 200 ? name.substring(0, 200) : name, type.get().mediaType(), sha,
          content.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // A stray temporary file is harmless; the refusal or error matters more.
        }
      }
    }
  }

  public Optional<byte[]> read(String folder, String sha256) {
    try {
      return Optional.of(Files.readAllBytes(data.folder(folder).resolve(sha256)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
