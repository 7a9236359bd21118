package org.gongkai.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.gongkai.support.FakeObjectStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Both nodes keep their files in one bucket of an S3-compatible object store. */
class ObjectStorePostgresIntegrationTests extends SharedFilesIntegrationTests {

  private static final FakeObjectStore STORE = start();

  private static FakeObjectStore start() {
    try {
      return new FakeObjectStore();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] SETTINGS = {
    "gongkai.files.store=s3",
    "gongkai.files.s3.endpoint=" + STORE.endpoint(),
    "gongkai.files.s3.bucket=gongkai",
    "gongkai.files.s3.access-key=test",
    "gongkai.files.s3.secret-key=test"
  };

  @DynamicPropertySource
  static void objectStore(DynamicPropertyRegistry registry) {
    for (String setting : SETTINGS) {
      String[] nameAndValue = setting.split("=", 2);
      registry.add(nameAndValue[0], () -> nameAndValue[1]);
    }
  }

  @Override
  String[] sameFilesAsNodeA() {
    return SETTINGS.clone();
  }
}
