package org.gongkai.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class ClusterDefaultsTests {

  private final StandardEnvironment environment = new StandardEnvironment();
  private final MockPropertySource settings = new MockPropertySource();

  ClusterDefaultsTests() {
    environment.getPropertySources().addFirst(settings);
    new ClusterDefaults().postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void postgresSharesSessionsAndLimitsThroughTheDatabase() {
    settings.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/gongkai");
    assertThat(environment.getProperty("gongkai.cluster.sessions")).isEqualTo("database");
    assertThat(environment.getProperty("gongkai.cluster.limits")).isEqualTo("database");
  }

  @Test
  void theEmbeddedDefaultKeepsThemInMemory() {
    settings.setProperty("spring.datasource.url", "jdbc:h2:file:./data/db/gongkai");
    assertThat(environment.getProperty("gongkai.cluster.sessions", "memory")).isEqualTo("memory");
    assertThat(environment.getProperty("gongkai.cluster.limits", "memory")).isEqualTo("memory");
  }

  @Test
  void anExplicitSettingWinsOnPostgres() {
    settings.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/gongkai");
    settings.setProperty("gongkai.cluster.sessions", "memory");
    assertThat(environment.getProperty("gongkai.cluster.sessions")).isEqualTo("memory");
    assertThat(environment.getProperty("gongkai.cluster.limits")).isEqualTo("database");
  }

  @Test
  @Timeout(10)
  void configurationBindingReadsTheDefaults() {
    settings.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/gongkai");
    assertThat(Binder.get(environment).bind("gongkai.cluster.limits", String.class).get())
        .isEqualTo("database");
  }

  @Test
  void theDatabaseAddressIsReadWhenTheSettingIsAskedFor() {
    assertThat(environment.getProperty("gongkai.cluster.sessions")).isNull();
    settings.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/gongkai");
    assertThat(environment.getProperty("gongkai.cluster.sessions")).isEqualTo("database");
  }
}
