package org.gongkai.search.internal;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded index: Lucene in the data folder of this node. */
final class LuceneSearchEngine implements SearchEngine {

  private final Path folder;
  private final SearchTuning tuning;

  LuceneSearchEngine(Path folder, SearchTuning tuning) {
    this.folder = folder;
    this.tuning = tuning;
  }

  @Override
  public EngineIndex open() throws IOException {
    return new LuceneSearchIndex(folder, tuning);
  }

  @Override
  public EngineIndex createEmpty() throws IOException {
    return LuceneSearchIndex.createEmpty(folder, tuning);
  }

  @Override
  public boolean shared() {
    return false;
  }
}
