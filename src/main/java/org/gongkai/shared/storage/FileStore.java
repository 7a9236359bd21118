package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Where stored files are kept, each under its area and the SHA-256 of its content: a folder (the
 * data folder, or a folder several nodes mount) or an S3-compatible object store ({@code
 * gongkai.files.store}). An upload is checked in a local staging folder first and put in place only
 * when whole and forced to disk.
 */
interface FileStore {

  /** The local folder where uploads to {@code area} are written and checked before {@link #put}. */
  Path staging(String area);

  /**
   * Puts a staged, forced file in place under its content name before its record commits. Content
   * already there is kept and its time renewed, so that a sweep at the same moment leaves it alone.
   */
  void put(String area, String sha256, Path staged) throws IOException;

  /**
   * The content, or {@link java.nio.file.NoSuchFileException} when there is none under that name.
   */
  InputStream open(String area, String sha256) throws IOException;

  boolean exists(String area, String sha256);

  /** Replaces the bytes under a name whole (the same file encrypted under a new key, say). */
  void replace(String area, String sha256, byte[] content) throws IOException;

  /**
   * Removes the area's files that {@code referenced} does not know and that were last written
   * before {@code cutoff}, and staged files left by a crash. Returns how many were removed.
   */
  int sweep(String area, Predicate<String> referenced, Instant cutoff) throws IOException;

  static boolean isContentName(String name) {
    return name.matches("[0-9a-f]{64}");
  }
}
