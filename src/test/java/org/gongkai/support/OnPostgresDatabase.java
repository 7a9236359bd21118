package org.gongkai.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a platform test class on PostgreSQL, in the one application context all such classes share
 * (as the H2 classes share theirs): the same initializer gives every class the same context
 * configuration, where a {@code @DynamicPropertySource} method of each class's own would make a
 * context per class, each started afresh and closed after it. The shared context lives to the end
 * of the run, so it has a database of its own: on the one the other PostgreSQL classes use it would
 * be a second node of theirs, claiming their jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = OnPostgresDatabase.Initializer.class)
public @interface OnPostgresDatabase {

  /** Points the application at the run's PostgreSQL database. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String url;

    private static synchronized String url() {
      if (url == null) {
        url = PostgresTestDatabase.fresh();
      }
      return url;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.datasource.url=" + url(),
              "spring.datasource.username=" + PostgresTestDatabase.user(),
              "spring.datasource.password=" + PostgresTestDatabase.password())
          .applyTo(context.getEnvironment());
    }
  }
}
