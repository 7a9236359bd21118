package org.gongkai.search.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The search index: which engine holds it, how the embedded one is tuned, and how a node follows
 * the others.
 *
 * @param engine Where the index lives: 'lucene', embedded in each node, or 'opensearch', a cluster
 *     every node shares.
 * @param indexDir Where the embedded index lives; unset, the 'index' folder of the data folder. Set
 *     it to a local disk when several nodes share one data folder.
 * @param segmentThreads Threads a search runs the index segments on (0: one per core; more did not
 *     pay on 2 cores).
 * @param firstPageCache How many first result pages are kept until the index changes (0: none).
 * @param warmUpQueries How many of the most frequent kept searches are run again in the background
 *     after each change (0: none).
 * @param followInterval How often a node with an embedded index reads the other nodes' publications
 *     from the database.
 * @param synonymsCheck How often a node looks whether another node changed the synonyms.
 * @param opensearch The OpenSearch cluster, when the engine is 'opensearch'.
 */
@ConfigurationProperties("gongkai.search")
@Validated
record SearchProperties(
    @DefaultValue("lucene") @NotNull Engine engine,
    Path indexDir,
    @DefaultValue("1") @Min(0) int segmentThreads,
    @DefaultValue("1000") @Min(0) int firstPageCache,
    @DefaultValue("20") @Min(0) int warmUpQueries,
    @DefaultValue(SearchProperties.FOLLOW_INTERVAL) @NotNull Duration followInterval,
    @DefaultValue(SearchProperties.SYNONYMS_CHECK) @NotNull Duration synonymsCheck,
    @DefaultValue @Valid OpenSearch opensearch) {

  // The followers' schedules name these in placeholders, which must be constants.
  static final String FOLLOW_INTERVAL = "PT1S";
  static final String SYNONYMS_CHECK = "PT5S";

  SearchProperties {
    indexDir = indexDir == null || indexDir.toString().isBlank() ? null : indexDir;
  }

  enum Engine {
    LUCENE,
    OPENSEARCH
  }

  /**
   * The OpenSearch cluster.
   *
   * @param hosts The nodes' HTTP addresses.
   * @param username The user name, if the cluster asks for one.
   * @param password The password that goes with the user name.
   * @param alias The alias searches go through; each full rebuild writes a new index behind it.
   * @param shards The shards of each index a rebuild creates.
   * @param replicas The replicas of each index a rebuild creates.
   * @param timeout How long a request to the cluster may take.
   */
  record OpenSearch(
      @DefaultValue("http://localhost:9200") @NotEmpty List<String> hosts,
      String username,
      String password,
      @DefaultValue("gongkai-documents") String alias,
      @DefaultValue("1") @Min(1) Integer shards,
      @DefaultValue("1") @Min(0) Integer replicas,
      @DefaultValue("10s") Duration timeout) {

    OpenSearch {
      // Tests build one by hand and leave out what they do not care about.
      hosts =
          hosts == null || hosts.isEmpty() ? List.of("http://localhost:9200") : List.copyOf(hosts);
      alias = alias == null || alias.isBlank() ? "gongkai-documents" : alias;
      shards = shards == null ? 1 : shards;
      replicas = replicas == null ? 1 : replicas;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }
}
