package org.gongkai.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders of the embedded index under its root: a full rebuild writes a new one; the {@code
 * CURRENT} file names the one in use.
 */
final class IndexFolders {

  private final Path root;

  IndexFolders(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root);
  }

  /** A new folder's name, for a rebuild to write into. */
  Path fresh() {
    return root.resolve("index-" + System.currentTimeMillis());
  }

  /** The folder in use, or null when there is none. */
  Path current() throws IOException {
    Path pointer = root.resolve("CURRENT");
    if (!Files.exists(pointer)) {
      return null;
    }
    Path folder = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
    return Files.isDirectory(folder) ? folder : null;
  }

  void pointTo(Path folder) throws IOException {
    Path temp = root.resolve("CURRENT.tmp");
    Files.writeString(temp, folder.getFileName().toString(), StandardCharsets.UTF_8);
    Files.move(
        temp,
        root.resolve("CURRENT"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  void deleteAllBut(Path keep) {
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.filter(Files::isDirectory).filter(p -> !p.equals(keep)).toList()) {
        try (Stream<Path> walk = Files.walk(child)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException ignored) {
      // an old folder left behind is removed at the next rebuild
    }
  }
}
