package org.gongkai.search.internal;

import org.gongkai.shared.AddOn;
import org.gongkai.shared.storage.DataDirectory;
import org.gongkai.shared.web.PlainHttpCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the engine: the embedded Lucene index in the data folder (the default, for one node), or
 * an OpenSearch cluster that several nodes share ({@code gongkai.search.engine=opensearch}).
 */
@Configuration(proxyBeanMethods = false)
class SearchEngineConfiguration {

  @Bean(destroyMethod = "")
  SearchEngine searchEngine(SearchProperties settings, DataDirectory data) {
    return switch (settings.engine()) {
      case LUCENE -> {
        int segmentThreads = settings.segmentThreads();
        // Segments side by side helped one searcher little on two cores and cost four searchers a
        // third more at p99 (the search benchmark): one thread unless a larger machine is told
        // otherwise.
        SearchTuning tuning =
            new SearchTuning(
                segmentThreads > 0 ? segmentThreads : Runtime.getRuntime().availableProcessors(),
                settings.firstPageCache(),
                settings.warmUpQueries());
        // Several nodes may share one data folder for their files; each keeps its own index.
        yield new LuceneSearchEngine(
            settings.indexDir() == null ? data.folder("index") : settings.indexDir(), tuning);
      }
      case OPENSEARCH -> {
        // The OpenSearch client is an add-on: nothing of it is loaded unless this engine is chosen.
        AddOn.OPENSEARCH.require();
        for (String host : settings.opensearch().hosts()) {
          PlainHttpCredentials.warnIfExposed(
              "OpenSearch",
              host,
              settings.opensearch().username() != null
                  && !settings.opensearch().username().isBlank());
        }
        yield new OpenSearchEngine(settings.opensearch());
      }
    };
  }
}
