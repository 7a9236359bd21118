package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.shared.PlatformProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one folder that holds everything the embedded default keeps: database, attachments, index.
 */
@Component
public class DataDirectory {

  private final Path root;

  @Autowired
  DataDirectory(PlatformProperties platform) {
    this(platform.dataDir());
  }

  DataDirectory(Path dataDir) {
    this.root = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data folder " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  /** A sub-folder, created on first use. */
  public Path folder(String name) {
    Path folder = root.resolve(name);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create folder " + folder, e);
    }
    return folder;
  }
}
