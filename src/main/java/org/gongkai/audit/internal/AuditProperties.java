package org.gongkai.audit.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit chain.
 *
 * @param sealInterval How often the records committed since the last seal are chained and sealed.
 */
@ConfigurationProperties("gongkai.audit")
@Validated
record AuditProperties(
    @DefaultValue(AuditProperties.SEAL_INTERVAL) @NotNull Duration sealInterval) {

  /** The job's schedule names it in a placeholder, which must be a constant. */
  static final String SEAL_INTERVAL = "PT5S";
}
