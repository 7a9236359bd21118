package org.gongkai.shared.durability;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wraps the embedded database's connections so that a commit is on disk when it returns. */
@Configuration(proxyBeanMethods = false)
class DurabilityConfiguration {

  @Bean
  static GroupSync groupSync() {
    return new GroupSync();
  }

  /**
   * {@code gongkai.durability.force-commits=false} gives the embedded database's own behaviour back
   * (writes in the background, the last second lost in a crash): only for measuring what durability
   * costs, or for a one-off bulk load that can be repeated.
   */
  @Bean
  static BeanPostProcessor durableCommitPostProcessor(
      ObjectProvider<GroupSync> sync, Environment environment) {
    // A post-processor is made before any bean could be injected into it, the settings' record
    // included: it binds the same record from the environment itself.
    boolean force =
        Binder.get(environment)
            .bindOrCreate("gongkai.durability", DurabilityProperties.class)
            .forceCommits();
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (force
            && bean instanceof HikariDataSource hikari
            && DurableCommits.isEmbeddedH2File(hikari.getJdbcUrl())) {
          return DurableCommits.durable(hikari, sync.getObject());
        }
        return bean;
      }
    };
  }

  @Bean
  MeterBinder durabilityMeters(GroupSync sync) {
    return registry -> {
      FunctionCounter.builder("gongkai.db.durable.commits", sync, GroupSync::writes)
          .description("commits of the embedded database that waited for a force to disk")
          .register(registry);
      FunctionCounter.builder("gongkai.db.durable.forces", sync, GroupSync::forces)
          .description("forces of the embedded database to disk")
          .register(registry);
    };
  }
}
