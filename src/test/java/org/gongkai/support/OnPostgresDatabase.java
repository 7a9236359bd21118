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
 * Runs a platform test class on the run's PostgreSQL database, in the one application context all
 * such classes share (as the H2 classes share theirs): the same initializer gives every class the
 * same context configuration, where a {@code @DynamicPropertySource} method of each class's own
 * would make a context per class, each started afresh and closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = OnPostgresDatabase.Initializer.class)
public @interface OnPostgresDatabase {

  /** Points the application at the run's PostgreSQL database. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.datasource.url=" + PostgresTestDatabase.url(),
              "spring.datasource.username=" + PostgresTestDatabase.user(),
              "spring.datasource.password=" + PostgresTestDatabase.password())
          .applyTo(context.getEnvironment());
    }
  }
}
