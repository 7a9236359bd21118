package org.gongkai.catalog.internal;

import org.gongkai.shared.storage.FileTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gongkai.shared.storage.DataDirectory;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps attachment files under the data folder by the SHA-256 of their content: the same file
 * attached to many editions is stored once, and a file never changes under its name.
 */
@Component
class AttachmentStore {

  private final Path root;
  private final long maxBytes;

  AttachmentStore(DataDirectory dataDirectory, @Value("${gongkai.attachments.max-size:50MB}") DataSize maxSize) {
    this.root = dataDirectory.folder("attachments");
    this.maxBytes = maxSize.toBytes();
  }

  record Stored(String sha256, long size, FileTypes.Type type) {}

  Stored store(InputStream content, String fileName) {
    Path temp = null;
    try {
      temp = Files.createTempFile(root, "upload", ".tmp");
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
        size = copyLimited(content, out);
      }
      if (size == 0) {
        throw Refusal.invalidField("file", "attachment.empty");
      }
      FileTypes.Type type =
          FileTypes.detect(temp, fileName).orElseThrow(() -> Refusal.invalidField("file", "attachment.type"));
      String sha = HexFormat.of().formatHex(digest.digest());
      Path target = pathOf(sha);
      Files.createDirectories(target.getParent());
      if (!Files.exists(target)) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return new Stored(sha, size, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover temp file is harmless and is overwritten by name never
        }
      }
    }
  }

  InputStream open(String sha256) throws IOException {
    return Files.newInputStream(pathOf(sha256));
  }

  boolean exists(String sha256) {
    return Files.exists(pathOf(sha256));
  }

  private long copyLimited(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw Refusal.invalidField("file", "attachment.too-large");
      }
      out.write(buffer, 0, n);
    }
    return total;
  }

  private Path pathOf(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }
}
