package org.gongkai.shared.jobs;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Platform jobs on the database; off ({@code gongkai.jobs.enabled=false}) for tools that only read.
 */
@Configuration(proxyBeanMethods = false)
// A condition is decided before any bean exists, so it reads the setting itself; JobsProperties
// documents it.
@ConditionalOnBooleanProperty(name = "gongkai.jobs.enabled", matchIfMissing = true)
class JobsConfiguration {

  /** Static: it looks at every bean as it is made, so it must exist before them. */
  @Bean
  static ClusterJobs clusterJobs(
      Environment environment,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<JobsProperties> settings) {
    return new ClusterJobs(environment, dataSource::getObject, settings::getObject);
  }
}
