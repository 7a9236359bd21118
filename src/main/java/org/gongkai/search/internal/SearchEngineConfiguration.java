package org.gongkai.search.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongkai.shared.storage.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the engine: the embedded Lucene index in the data folder (the default, for one node), or
 * an OpenSearch cluster that several nodes share ({@code gongkai.search.engine=opensearch}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchEngineConfiguration.OpenSearchProperties.class)
class SearchEngineConfiguration {

  @Bean(destroyMethod = "")
  SearchEngine searchEngine(
      @Value("${gongkai.search.engine:lucene}") String engine,
      DataDirectory data,
      @Value("${gongkai.search.index-dir:}") String indexDir,
      OpenSearchProperties openSearch,
      @Value("${gongkai.search.segment-threads:1}") int segmentThreads,
      @Value("${gongkai.search.first-page-cache:1000}") int firstPageCache,
      @Value("${gongkai.search.warm-up-queries:20}") int warmUpQueries) {
    return switch (engine) {
      case "lucene" -> {
        // Segments side by side helped one searcher little on two cores and cost four searchers a
        // third more at p99 (the search benchmark): one thread unless a larger machine is told
        // otherwise.
        SearchTuning tuning =
            new SearchTuning(
                segmentThreads > 0 ? segmentThreads : Runtime.getRuntime().availableProcessors(),
                firstPageCache,
                warmUpQueries);
        // Several nodes may share one data folder for their files; each keeps its own index.
        yield new LuceneSearchEngine(
            indexDir.isBlank() ? data.folder("index") : Path.of(indexDir), tuning);
      }
      case "opensearch" -> new OpenSearchEngine(openSearch);
      default ->
          throw new IllegalStateException(
              "gongkai.search.engine must be lucene or opensearch, not " + engine);
    };
  }

  /**
   * The cluster: its nodes' HTTP addresses, the credentials, the alias searches go through (each
   * full rebuild writes a new index behind it), and the shards and replicas of a new index.
   */
  @ConfigurationProperties("gongkai.search.opensearch")
  record OpenSearchProperties(
      List<String> hosts,
      String username,
      String password,
      String alias,
      Integer shards,
      Integer replicas,
      Duration timeout) {

    OpenSearchProperties {
      hosts =
          hosts == null || hosts.isEmpty() ? List.of("http://localhost:9200") : List.copyOf(hosts);
      alias = alias == null || alias.isBlank() ? "gongkai-documents" : alias;
      shards = shards == null ? 1 : shards;
      replicas = replicas == null ? 1 : replicas;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }
}
