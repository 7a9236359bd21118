package org.gongkai.search.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.indices.GetAliasResponse;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index on an OpenSearch cluster that every node shares. Searches and writes go through an
 * alias; a full rebuild fills a new index behind it and moves the alias in one step, so that
 * searches never see a half-built index.
 */
final class OpenSearchEngine implements SearchEngine {

  private static final Logger log = LoggerFactory.getLogger(OpenSearchEngine.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  private final SearchProperties.OpenSearch settings;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchClient client;

  OpenSearchEngine(SearchProperties.OpenSearch settings) {
    this.settings = settings;
    this.transport = transport(settings);
    this.client = new OpenSearchClient(transport);
  }

  private static ApacheHttpClient5Transport transport(SearchProperties.OpenSearch settings) {
    HttpHost[] hosts =
        settings.hosts().stream()
            .map(URI::create)
            .map(
                u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
            .toArray(HttpHost[]::new);
    Timeout timeout = Timeout.of(settings.timeout());
    return ApacheHttpClient5TransportBuilder.builder(hosts)
        .setMapper(
            new JacksonJsonpMapper(
                new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)))
        .setRequestConfigCallback(
            r -> r.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout))
        .setHttpClientConfigCallback(
            b -> {
              if (settings.username() != null && !settings.username().isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                for (HttpHost host : hosts) {
                  credentials.setCredentials(
                      new AuthScope(host),
                      new UsernamePasswordCredentials(
                          settings.username(),
                          settings.password() == null
                              ? new char[0]
                              : settings.password().toCharArray()));
                }
                b.setDefaultCredentialsProvider(credentials);
              }
              return b;
            })
        .build();
  }

  @Override
  public EngineIndex open() throws IOException {
    String index = currentIndex();
    if (index == null) {
      throw new IOException("no search index behind the alias " + settings.alias());
    }
    Map<String, JsonData> meta =
        client.indices().getMapping(m -> m.index(index)).result().get(index).mappings().meta();
    JsonData schema = meta == null ? null : meta.get(OpenSearchDocuments.SCHEMA_KEY);
    if (schema == null || !OpenSearchDocuments.SCHEMA.equals(schema.to(String.class))) {
      throw new IOException("search index " + index + " of an older schema: rebuild");
    }
    return new OpenSearchIndex(this);
  }

  @Override
  public EngineIndex createEmpty() throws IOException {
    String fresh = createIndex();
    moveAlias(fresh);
    return new OpenSearchIndex(this);
  }

  @Override
  public boolean shared() {
    return true;
  }

  OpenSearchClient client() {
    return client;
  }

  String alias() {
    return settings.alias();
  }

  int replicas() {
    return settings.replicas();
  }

  /** A new, empty index with the mapping, named after the alias and the time. */
  String createIndex() throws IOException {
    String name = settings.alias() + "-" + LocalDateTime.now().format(SUFFIX);
    try {
      create(name);
    } catch (OpenSearchException e) {
      // The name is this call's own, so an index by that name is the one this call created: the
      // transport retried a request whose first answer came too late for it.
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
      log.info("search index {} was created by an earlier attempt of the same request", name);
    }
    return name;
  }

  private void create(String name) throws IOException {
    client
        .indices()
        .create(
            c ->
                c.index(name)
                    .settings(
                        s ->
                            s.numberOfShards(Integer.toString(settings.shards()))
                                .numberOfReplicas(Integer.toString(settings.replicas())))
                    .mappings(OpenSearchDocuments.mapping()));
  }

  /** The index the alias names, or null. */
  String currentIndex() throws IOException {
    try {
      GetAliasResponse aliases = client.indices().getAlias(a -> a.name(settings.alias()));
      return aliases.result().keySet().stream().sorted().reduce((a, b) -> b).orElse(null);
    } catch (OpenSearchException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  /** Points the alias at {@code index} in one step and deletes the indexes it named before. */
  void moveAlias(String index) throws IOException {
    List<String> old = olderIndexes(index);
    client
        .indices()
        .updateAliases(
            u -> {
              u.actions(a -> a.add(add -> add.index(index).alias(settings.alias())));
              for (String o : old) {
                u.actions(a -> a.remove(r -> r.index(o).alias(settings.alias())));
              }
              return u;
            });
    for (String o : old) {
      client.indices().delete(d -> d.index(o));
    }
  }

  private List<String> olderIndexes(String keep) throws IOException {
    String pattern = settings.alias() + "-*";
    return client.indices().get(g -> g.index(pattern)).result().keySet().stream()
        .filter(name -> !name.equals(keep))
        .toList();
  }

  void close() throws IOException {
    transport.close();
  }
}
