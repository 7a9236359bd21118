package org.gongkai.shared.jobs;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Platform jobs on the database; off ({@code gongkai.jobs.enabled=false}) for tools that only read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gongkai.jobs.enabled", matchIfMissing = true)
class JobsConfiguration {

  /** Static: it looks at every bean as it is made, so it must exist before them. */
  @Bean
  static ClusterJobs clusterJobs(Environment environment, ObjectProvider<DataSource> dataSource) {
    return new ClusterJobs(environment, dataSource::getObject);
  }
}
