package org.gongkai.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup archive: a ZIP with the database as one JSON Lines file per table under {@code db/},
 * the stored files under {@code files/}, the settings under {@code settings/}, and a {@code
 * manifest.json} naming every entry with its size and SHA-256. The format is documented in
 * docs/operations.md.
 */
final class Archive {

  static final String FORMAT = "gongkai-backup/1";
  static final String MANIFEST = "manifest.json";
  static final String DB = "db/";
  static final String FILES = "files/";
  static final String SETTINGS = "settings/gongkai.properties";

  private Archive() {}

  /** What the archive holds. */
  record Manifest(
      String format,
      Instant createdAt,
      String platformVersion,
      String schemaVersion,
      String database,
      List<Entry> entries,
      Map<String, String> settings,
      String auditChainHead) {}

  /** One entry; {@code rows} only for tables. */
  record Entry(String path, long size, String sha256, Long rows) {}

  /** An archive being written: entries are hashed as they are written. */
  static final class Writer implements AutoCloseable {

    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();

    Writer(OutputStream out) {
      this.zip = new ZipOutputStream(out);
    }

    /** Writes an entry and returns what the content callback returned (a row count, say). */
    <T> T put(String path, Content<T> content, Function<T, Long> rows) throws IOException {
      zip.putNextEntry(new ZipEntry(path));
      MessageDigest digest = sha256();
      CountingStream counting = new CountingStream(new DigestOutputStream(zip, digest));
      T result = content.write(counting);
      counting.flush();
      zip.closeEntry();
      entries.add(
          new Entry(
              path, counting.count, HexFormat.of().formatHex(digest.digest()), rows.apply(result)));
      return result;
    }

    void putFile(String path, InputStream in) throws IOException {
      put(
          path,
          out -> {
            in.transferTo(out);
            return null;
          },
          r -> null);
    }

    List<Entry> entries() {
      return List.copyOf(entries);
    }

    void finish(Manifest manifest, JsonMapper json) throws IOException {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      zip.closeEntry();
      zip.finish();
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  @FunctionalInterface
  interface Content<T> {
    T write(OutputStream out) throws IOException;
  }

  /** Opens an archive and checks every entry against the manifest before anything reads it. */
  static ZipFile openVerified(Path file, JsonMapper json) throws IOException, Refused {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new Refused("backup.restore.not-an-archive", file);
    }
    try {
      Manifest manifest = manifest(zip, json);
      if (!FORMAT.equals(manifest.format())) {
        throw new Refused("backup.restore.unknown-format", manifest.format());
      }
      List<String> expected = new ArrayList<>();
      for (Entry entry : manifest.entries()) {
        ZipEntry zipEntry = zip.getEntry(entry.path());
        if (zipEntry == null) {
          throw new Refused("backup.restore.checksum", entry.path());
        }
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(zip.getInputStream(zipEntry), digest)) {
          size = in.transferTo(OutputStream.nullOutputStream());
        }
        if (size != entry.size()
            || !HexFormat.of().formatHex(digest.digest()).equals(entry.sha256())) {
          throw new Refused("backup.restore.checksum", entry.path());
        }
        expected.add(entry.path());
      }
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!name.equals(MANIFEST) && !expected.contains(name)) {
          throw new Refused("backup.restore.checksum", name);
        }
      }
      return zip;
    } catch (Refused | IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  static Manifest manifest(ZipFile zip, JsonMapper json) throws IOException, Refused {
    ZipEntry entry = zip.getEntry(MANIFEST);
    if (entry == null) {
      throw new Refused("backup.restore.no-manifest");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return json.readValue(in, Manifest.class);
    } catch (JacksonException e) {
      throw new Refused("backup.restore.no-manifest");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A refusal to restore, as a message key for the operator's language. */
  static final class Refused extends Exception {

    private final String key;
    private final transient Object[] arguments;

    Refused(String key, Object... arguments) {
      super(key);
      this.key = key;
      this.arguments = arguments;
    }

    String key() {
      return key;
    }

    Object[] arguments() {
      return arguments;
    }
  }

  /** Counts what passes through, and never closes the ZIP underneath. */
  private static final class CountingStream extends FilterOutputStream {

    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
