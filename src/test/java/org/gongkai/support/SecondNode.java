package org.gongkai.support;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongkai.GongkaiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another application node on the database of a running one, with a data folder of its own. The
 * database is read from the first node's settings, so that a node joins whichever database its test
 * context was given (its own, or the one the PostgreSQL classes share).
 */
public final class SecondNode {

  private SecondNode() {}

  /**
   * Starts the node beside {@code firstNode} with the platform's configuration, {@code sources}
   * beside it, and {@code settings} ("name=value"); a data folder of its own unless the settings
   * name one.
   */
  public static ConfigurableApplicationContext start(
      Environment firstNode, List<Class<?>> sources, String... settings) throws Exception {
    boolean ownDataDir = Arrays.stream(settings).noneMatch(s -> s.startsWith("gongkai.data-dir="));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--gongkai.demo=false",
                "--GONGKAI_ADMIN_PASSWORD=" + PlatformIntegrationTests.ADMIN_PASSWORD,
                "--gongkai.security.second-factor.required-roles=",
                "--spring.datasource.url=" + postgresUrl(firstNode),
                "--spring.datasource.username="
                    + firstNode.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password="
                    + firstNode.getProperty("spring.datasource.password", "")));
    if (ownDataDir) {
      args.add("--gongkai.data-dir=" + Files.createTempDirectory("gongkai-node-b"));
    }
    for (String setting : settings) {
      args.add("--" + setting);
    }
    List<Class<?>> all = new ArrayList<>(List.of(GongkaiApplication.class));
    all.addAll(sources);
    return new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
        .run(args.toArray(String[]::new));
  }

  public static ConfigurableApplicationContext start(Environment firstNode, String... settings)
      throws Exception {
    return start(firstNode, List.of(), settings);
  }

  /** Nodes share a database only on PostgreSQL: the embedded H2 file belongs to one process. */
  private static String postgresUrl(Environment firstNode) {
    String url = firstNode.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException("a second node needs a first node on PostgreSQL: " + url);
    }
    return url;
  }

  public static Api api(ConfigurableApplicationContext node) {
    return new Api(port(node));
  }

  public static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }
}
