package org.gongkai.shared.cluster;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * On PostgreSQL, console sessions and the public limits are kept in the database unless a setting
 * says otherwise: a second node added on the same database then shares them without anyone having
 * to know the two settings, where memory would log a member of staff out on every other node and
 * give a client the limit once per node. The embedded default (H2) is one node by nature and keeps
 * them in memory, which costs no database round trip.
 */
public class ClusterDefaults implements EnvironmentPostProcessor {

  static final Set<String> SHARED = Set.of("gongkai.cluster.sessions", "gongkai.cluster.limits");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // Last, so that any setting anywhere wins; asked when read, since the database's address may
    // be added after this runs (a test's dynamic properties are).
    // The source is a supplier, not the environment: Spring Boot walks into a source that is an
    // environment and would find this one again without end.
    Supplier<String> url = () -> environment.getProperty("spring.datasource.url", "");
    environment.getPropertySources().addLast(new Defaults(url));
  }

  private static final class Defaults extends PropertySource<Supplier<String>> {

    Defaults(Supplier<String> databaseUrl) {
      super("gongkaiClusterDefaults", databaseUrl);
    }

    @Override
    public Object getProperty(String name) {
      if (!SHARED.contains(name)) {
        return null;
      }
      return getSource().get().startsWith("jdbc:postgresql:") ? "database" : null;
    }
  }
}
