package org.gongkai.shared.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** DOWN when the data folder cannot be written: attachments and the index would be lost. */
@Component("dataFolder")
class DataDirectoryHealthIndicator extends AbstractHealthIndicator {

  private final DataDirectory dataDirectory;

  DataDirectoryHealthIndicator(DataDirectory dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws IOException {
    Path probe = Files.createTempFile(dataDirectory.root(), ".health", ".tmp");
    try {
      Files.writeString(probe, "ok");
    } finally {
      Files.deleteIfExists(probe);
    }
    builder.up();
  }
}
