package org.gongkai.shared.storage;

import java.time.Clock;
import org.gongkai.shared.AddOn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where stored files are kept ({@code gongkai.files.store}): {@code folder}, the data
 * folder (a shared mount when several nodes run), or {@code s3}, an S3-compatible object store (the
 * S3 add-on).
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

  static {
    // POI's zip-bomb limits, set before any OOXML is read anywhere in the platform.
    OfficeParts.limits();
  }

  @Bean
  FileStore fileStore(FilesProperties settings, DataDirectory data, Clock clock) {
    return switch (settings.store()) {
      case FOLDER -> new FolderFileStore(data, clock);
      case S3 -> {
        // The S3 client is an add-on: nothing of it is loaded unless this store is chosen.
        AddOn.S3.require();
        yield S3FileStore.connect(settings.s3(), data);
      }
    };
  }
}
