package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Files in a folder per area, under {@code ab/cd/<sha-256>}: renamed into place and their folders
 * forced, so that a crash never leaves a record naming a file the disk lost. The folder is the data
 * folder, or one that several nodes mount (NFS, a cluster file system).
 */
final class FolderFileStore implements FileStore {

  static final String TEMP_PREFIX = ".upload-";

  private final DataDirectory data;
  private final Clock clock;
  private final ReadWriteLock storeOrSweep = new ReentrantReadWriteLock();

  FolderFileStore(DataDirectory data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  @Override
  public Path staging(String area) {
    return data.folder(area);
  }

  @Override
  public void put(String area, String sha256, Path staged) throws IOException {
    Path target = pathOf(data.folder(area), sha256);
    storeOrSweep.readLock().lock();
    try {
      if (Files.exists(target)) {
        Files.setLastModifiedTime(target, FileTime.from(Instant.now(clock)));
        return;
      }
      Path parent = target.getParent();
      boolean newFolders = !Files.isDirectory(parent);
      Files.createDirectories(parent);
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      forceFolder(parent);
      if (newFolders) {
        forceFolder(parent.getParent());
        forceFolder(parent.getParent().getParent());
      }
    } finally {
      storeOrSweep.readLock().unlock();
    }
  }

  @Override
  public InputStream open(String area, String sha256) throws IOException {
    return Files.newInputStream(
        existing(area, sha256).orElseThrow(() -> new NoSuchFileException(sha256)));
  }

  @Override
  public boolean exists(String area, String sha256) {
    return existing(area, sha256).isPresent();
  }

  /** The file's place, or the flat place older data folders used. */
  Optional<Path> existing(String area, String sha256) {
    Path root = data.folder(area);
    Path nested = pathOf(root, sha256);
    if (Files.exists(nested)) {
      return Optional.of(nested);
    }
    Path flat = root.resolve(sha256);
    return Files.exists(flat) ? Optional.of(flat) : Optional.empty();
  }

  @Override
  public void replace(String area, String sha256, byte[] content) throws IOException {
    Path target =
        existing(area, sha256).orElseThrow(() -> new IllegalStateException("no file " + sha256));
    Path temp = data.folder(area).resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceFolder(target.getParent());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public int sweep(String area, Predicate<String> referenced, Instant cutoff) throws IOException {
    Path root = data.folder(area);
    int removed = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = file.getFileName().toString();
        boolean temporary = name.startsWith(TEMP_PREFIX);
        if (!temporary && (!FileStore.isContentName(name) || referenced.test(name))) {
          continue;
        }
        storeOrSweep.writeLock().lock();
        try {
          if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
              && (temporary || !referenced.test(name))) {
            Files.delete(file);
            removed++;
          }
        } catch (NoSuchFileException gone) {
          // removed meanwhile
        } finally {
          storeOrSweep.writeLock().unlock();
        }
      }
    }
    return removed;
  }

  private static void forceFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static Path pathOf(Path root, String sha256) {
    if (!FileStore.isContentName(sha256)) {
      throw new IllegalArgumentException("not a sha-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }
}
