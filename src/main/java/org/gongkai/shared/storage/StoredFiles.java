package org.gongkai.shared.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every file the platform keeps (attachments, identity copies, comments' attachments) in an area of
 * the {@link FileStore}, named by the SHA-256 of its content and typed by {@link FileTypes} from
 * its bytes. A file is written to a staging name, forced to disk, checked, and put in place, all
 * before the record naming it commits: no record ever names a file a crash lost. Files no record
 * names any more are removed by {@link #sweep} once they are old enough that no record can still be
 * on its way.
 */
@Component
public class StoredFiles {

  private static final String TEMP_PREFIX = FolderFileStore.TEMP_PREFIX;
  private static final Set<FileTypes.Type> ANY_TYPE = Set.of(FileTypes.Type.values());

  private final FileStore store;
  private final Clock clock;

  @Autowired
  StoredFiles(FileStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Files in the data folder. */
  StoredFiles(DataDirectory data, Clock clock) {
    this(new FolderFileStore(data, clock), clock);
  }

  /** A stored file as its record names it. */
  public record StoredFile(String name, String contentType, String sha256, long size) {}

  /**
   * What to refuse: a file too large, empty, or of a type not accepted. Files from the public are
   * also disarmed: a PDF loses what would run when it is opened, and one that cannot be read is
   * refused as of the wrong type.
   */
  public record Limits(
      long maxBytes,
      Set<FileTypes.Type> accepted,
      Supplier<? extends RuntimeException> tooLarge,
      Supplier<? extends RuntimeException> empty,
      Supplier<? extends RuntimeException> wrongType,
      boolean disarm,
      UnaryOperator<byte[]> seal) {

    public static Limits of(
        long maxBytes, Set<FileTypes.Type> accepted, Supplier<? extends RuntimeException> refusal) {
      return new Limits(maxBytes, accepted, refusal, refusal, refusal, false, null);
    }

    public static Limits anyType(
        long maxBytes,
        Supplier<? extends RuntimeException> tooLarge,
        Supplier<? extends RuntimeException> empty,
        Supplier<? extends RuntimeException> wrongType) {
      return new Limits(maxBytes, ANY_TYPE, tooLarge, empty, wrongType, false, null);
    }

    /**
     * An upload from the public: at most {@code maxBytes}, of the types given that the public may
     * send, disarmed.
     */
    public static Limits fromThePublic(
        long maxBytes,
        Set<FileTypes.Type> accepted,
        Supplier<? extends RuntimeException> tooLarge,
        Supplier<? extends RuntimeException> wrongType) {
      Set<FileTypes.Type> allowed = EnumSet.noneOf(FileTypes.Type.class);
      allowed.addAll(accepted);
      allowed.retainAll(FileTypes.FROM_THE_PUBLIC);
      return new Limits(maxBytes, allowed, tooLarge, tooLarge, wrongType, true, null);
    }

    /**
     * The same limits, the file kept encrypted by {@code seal} (checked and named by its plain
     * content, stored sealed); whoever reads it opens it.
     */
    public Limits sealedWith(UnaryOperator<byte[]> seal) {
      return new Limits(maxBytes, accepted, tooLarge, empty, wrongType, disarm, seal);
    }
  }

  /**
   * Stores the file when its type is one of {@code accepted}; otherwise throws what {@code refusal}
   * gives and keeps nothing.
   */
  public StoredFile store(
      String area,
      String fileName,
      byte[] content,
      Set<FileTypes.Type> accepted,
      Supplier<? extends RuntimeException> refusal) {
    return store(
        area,
        fileName,
        new ByteArrayInputStream(content),
        Limits.of(Long.MAX_VALUE, accepted, refusal));
  }

  /** Stores a stream within the limits, or throws the limit's refusal and keeps nothing. */
  public StoredFile store(String area, String fileName, InputStream content, Limits limits) {
    String name =
        fileName == null || fileName.isBlank()
            ? "file"
            : Path.of(fileName).getFileName().toString();
    Path temp = store.staging(area).resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size = writeForced(content, temp, digest, limits);
      if (size == 0) {
        throw limits.empty().get();
      }
      FileTypes.Type type =
          FileTypes.detect(temp, name)
              .filter(limits.accepted()::contains)
              .orElseThrow(limits.wrongType());
      String sha = HexFormat.of().formatHex(digest.digest());
      if (limits.disarm() && type == FileTypes.Type.PDF) {
        switch (PdfActiveContent.disarm(temp)) {
          case UNREADABLE -> throw limits.wrongType().get();
          case TOO_LARGE -> throw limits.tooLarge().get();
          case BUSY -> throw Refusal.unavailable("upload.busy");
          case DISARMED -> {
            sha = sha256Of(temp);
            size = Files.size(temp);
          }
          case CLEAN -> {}
        }
      }
      if (limits.seal() != null) {
        byte[] sealed = limits.seal().apply(Files.readAllBytes(temp));
        try (FileChannel channel =
            FileChannel.open(
                temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer bytes = ByteBuffer.wrap(sealed);
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
          channel.force(true);
        }
      }
      store.put(area, sha, temp);
      return new StoredFile(
          name.length() > 200 ? name.substring(0, 200) : name, type.mediaType(), sha, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * A new empty file in the area's staging folder, for a file the platform writes itself (a web
   * archive) before keeping it with {@link #storeWritten}; one a crash leaves is swept.
   */
  public Path newStagingFile(String area) {
    try {
      return Files.createFile(
          store.staging(area).resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps a file the platform wrote into {@link #newStagingFile}: forced to disk, named by its
   * SHA-256 and put in place. Its type is the writer's to say: nothing from outside is in it.
   */
  public StoredFile storeWritten(String area, String fileName, String mediaType, Path staged) {
    try {
      try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      String sha = sha256Of(staged);
      long size = Files.size(staged);
      store.put(area, sha, staged);
      return new StoredFile(fileName, mediaType, sha, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(staged);
    }
  }

  private static String sha256Of(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public Optional<byte[]> read(String area, String sha256) {
    try (InputStream in = open(area, sha256)) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public InputStream open(String area, String sha256) throws IOException {
    return store.open(area, sha256);
  }

  public boolean exists(String area, String sha256) {
    return store.exists(area, sha256);
  }

  /** The file's place in the data folder, when the files are kept there. */
  Optional<Path> existing(String area, String sha256) {
    return store instanceof FolderFileStore folder
        ? folder.existing(area, sha256)
        : Optional.empty();
  }

  /**
   * Replaces the bytes kept under a name with {@code content} (the same file encrypted under a new
   * key, say), whole: a crash leaves one or the other.
   */
  public void rewrite(String area, String sha256, byte[] content) {
    try {
      store.replace(area, sha256, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the area's files that {@code referenced} does not know and that are older than {@code
   * grace}, and temporary files left by a crash. Returns how many were removed.
   */
  public int sweep(String area, Predicate<String> referenced, Duration grace) {
    try {
      return store.sweep(area, referenced, Instant.now(clock).minus(grace));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long writeForced(
      InputStream content, Path temp, MessageDigest digest, Limits limits) throws IOException {
    long total = 0;
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = content.read(buffer)) > 0) {
        total += n;
        if (total > limits.maxBytes()) {
          throw limits.tooLarge().get();
        }
        digest.update(buffer, 0, n);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
      channel.force(true);
    }
    return total;
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // a stray temporary file is removed by the next sweep
    }
  }
}
