package org.gongkai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real two-node OpenSearch cluster inside the test JVM, from the Maven Central artifacts: node
 * one is the cluster manager and holds data, node two holds data only, so that stopping node two
 * leaves a cluster that still answers from the replicas on node one. Started once per JVM.
 */
public final class OpenSearchTestCluster implements AutoCloseable {

  private static OpenSearchTestCluster shared;

  private final List<TestNode> nodes = new ArrayList<>();
  private final List<Integer> httpPorts = new ArrayList<>();

  private OpenSearchTestCluster() {}

  /** The cluster shared by the tests of this JVM, started at the first call (a few seconds). */
  public static synchronized OpenSearchTestCluster shared() {
    if (shared == null) {
      shared = start();
      OpenSearchTestCluster cluster = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAll));
    }
    return shared;
  }

  /** A cluster of the caller's own, for a test that stops a node; close it at the end. */
  public static OpenSearchTestCluster startNew() {
    return start();
  }

  @Override
  public void close() {
    stopAll();
  }

  /**
   * The nodes' HTTP addresses, comma-separated, as {@code gongkai.search.opensearch.hosts} takes
   * them.
   */
  public String hosts() {
    return httpPorts.stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /** Stops the second (data-only) node, as a machine going down would. */
  public synchronized void stopSecondNode() {
    TestNode second = nodes.get(1);
    try {
      second.close();
      second.awaitClose(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static OpenSearchTestCluster start() {
    // Netty would otherwise set the processor count once per JVM and refuse a second node.
    System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
    OpenSearchTestCluster cluster = new OpenSearchTestCluster();
    try {
      Path home = Files.createTempDirectory("opensearch-test");
      int transport1 = freePort();
      int transport2 = freePort();
      String seeds = "127.0.0.1:" + transport1 + ",127.0.0.1:" + transport2;
      for (int i = 1; i <= 2; i++) {
        int http = freePort();
        Settings settings =
            Settings.builder()
                .put("cluster.name", "gongkai-test")
                .put("node.name", "node-" + i)
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data-" + i).toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", http)
                .put("transport.port", i == 1 ? transport1 : transport2)
                .putList(
                    "node.roles", i == 1 ? List.of("cluster_manager", "data") : List.of("data"))
                .put("discovery.seed_hosts", seeds)
                .put("cluster.initial_cluster_manager_nodes", "node-1")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                .build();
        TestNode node = new TestNode(settings);
        node.start();
        cluster.nodes.add(node);
        cluster.httpPorts.add(http);
      }
      return cluster;
    } catch (Exception e) {
      cluster.stopAll();
      throw new IllegalStateException("the test OpenSearch cluster did not start", e);
    }
  }

  private void stopAll() {
    for (TestNode node : nodes) {
      try {
        node.close();
      } catch (IOException | RuntimeException ignored) {
        // the JVM is going away
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Node's constructor that takes plugins from the classpath is protected. */
  private static final class TestNode extends Node {
    private static final Collection<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class);

    TestNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(
              settings, Map.of(), null, () -> settings.get("node.name")),
          PLUGINS,
          true);
    }
  }
}
