package org.gongkai.shared.cluster;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What several application nodes share through the database instead of keeping it in each node's
 * memory. Unset, both are 'memory' on the embedded database and 'database' on PostgreSQL ({@link
 * ClusterDefaults}).
 *
 * @param sessions Where console sessions live: 'database' (Spring Session JDBC) so that a login on
 *     one node is valid on all.
 * @param limits Where the public form limits per client are counted: 'database' so that several
 *     nodes share them.
 */
@ConfigurationProperties("gongkai.cluster")
@Validated
public record ClusterProperties(
    @DefaultValue("memory") @NotNull Sharing sessions,
    @DefaultValue("memory") @NotNull Sharing limits) {

  /** Kept by each node for itself, or shared by all through the database. */
  public enum Sharing {
    MEMORY,
    DATABASE
  }
}
