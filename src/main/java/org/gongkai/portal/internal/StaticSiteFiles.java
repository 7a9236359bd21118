package org.gongkai.portal.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a public address is written in the exported site, so that nginx's {@code try_files $uri
 * $uri/index~$args.html $uri/index.html} finds it: a page at {@code <path>/index.html}, a page with
 * a query at {@code <path>/index~<query>.html}, a feed, sitemap, stylesheet or attachment at its
 * own path. Files are replaced whole (written beside, then renamed), so a mirror never serves half
 * a page, and left alone when their bytes are the same.
 */
final class StaticSiteFiles {

  private final Path root;

  StaticSiteFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /**
   * The file for an address, or empty for one that cannot be a file (a query with a slash, a dot
   * segment).
   */
  Optional<Path> fileFor(String path, String query, boolean page) {
    if (!path.startsWith("/")
        || path.contains("..")
        || path.contains("\\")
        || (query != null && query.contains("/"))) {
      return Optional.empty();
    }
    String relative = path.substring(1);
    String name;
    if (page) {
      String folder = relative.isEmpty() || relative.endsWith("/") ? relative : relative + "/";
      name =
          folder + (query == null || query.isEmpty() ? "index.html" : "index~" + query + ".html");
    } else if (query != null && !query.isEmpty()) {
      return Optional.empty();
    } else {
      name = relative;
    }
    Path file = root.resolve(name).normalize();
    return file.startsWith(root) && !file.equals(root) ? Optional.of(file) : Optional.empty();
  }

  /** Writes the bytes unless the file already holds them; returns whether it changed. */
  boolean write(Path file, byte[] bytes) throws IOException {
    if (Files.isRegularFile(file)
        && Files.size(file) == bytes.length
        && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".export-", ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return true;
  }

  /** Removes a page and everything below its address (its attachments). */
  void removePage(String path) throws IOException {
    Optional<Path> index = fileFor(path, null, true);
    if (index.isEmpty()) {
      return;
    }
    Path folder = index.get().getParent();
    if (!Files.isDirectory(folder) || folder.equals(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
