package org.gongkai.support;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongkai.GongkaiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another application node on the test's PostgreSQL database, with a data folder of its own. */
public final class SecondNode {

  private SecondNode() {}

  /**
   * Starts the node with the platform's configuration, {@code sources} beside it, and {@code
   * settings} ("name=value"); a data folder of its own unless the settings name one.
   */
  public static ConfigurableApplicationContext start(List<Class<?>> sources, String... settings)
      throws Exception {
    boolean ownDataDir = Arrays.stream(settings).noneMatch(s -> s.startsWith("gongkai.data-dir="));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--gongkai.demo=false",
                "--GONGKAI_ADMIN_PASSWORD=" + PlatformIntegrationTests.ADMIN_PASSWORD,
                "--gongkai.security.second-factor.required-roles=",
                "--spring.datasource.url=" + PostgresTestDatabase.url(),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password()));
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

  public static ConfigurableApplicationContext start(String... settings) throws Exception {
    return start(List.of(), settings);
  }

  public static Api api(ConfigurableApplicationContext node) {
    return new Api(port(node));
  }

  public static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }
}
