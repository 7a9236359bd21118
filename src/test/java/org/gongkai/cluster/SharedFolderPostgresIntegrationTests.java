package org.gongkai.cluster;

import java.nio.file.Files;
import org.springframework.beans.factory.annotation.Value;

/**
 * Both nodes' data folder is one shared folder (a network mount in production); each keeps its own
 * index.
 */
class SharedFolderPostgresIntegrationTests extends SharedFilesIntegrationTests {

  @Value("${gongkai.data-dir}")
  String dataDir;

  @Override
  String[] sameFilesAsNodeA() throws Exception {
    return new String[] {
      "gongkai.data-dir=" + dataDir,
      "gongkai.search.index-dir=" + Files.createTempDirectory("gongkai-node-b-index")
    };
  }
}
