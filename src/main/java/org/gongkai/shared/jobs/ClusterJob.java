package org.gongkai.shared.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gongkai.shared.PlatformProperties;

/**
 * A job that runs once for the whole platform, however many application nodes serve it: its next
 * run is a row in the database that one node claims (db-scheduler), so a reminder is sent once and
 * the audit chain has one writer. Either {@code cron} (with its {@code zone}) or {@code fixedDelay}
 * (an ISO-8601 duration) is given; both take {@code ${…}} placeholders. A job that looks after one
 * node's own memory stays a plain {@code @Scheduled} method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ClusterJob {

  /** A six-field cron expression, as Spring's. */
  String cron() default "";

  String zone() default "${gongkai.time-zone:" + PlatformProperties.TIME_ZONE + "}";

  /** The pause between one run's end and the next run, as a duration ({@code PT1M}). */
  String fixedDelay() default "";
}
