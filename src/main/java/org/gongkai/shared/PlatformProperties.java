package org.gongkai.shared;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the platform keeps its files and in which zone it counts days.
 *
 * @param dataDir The folder that holds everything the embedded default keeps: the database, stored
 *     files, the search index, backups.
 * @param timeZone The zone in which statutory dates are counted, whatever the server's own zone.
 */
@ConfigurationProperties("gongkai")
@Validated
public record PlatformProperties(
    @DefaultValue("./data") @NotNull Path dataDir,
    @DefaultValue(PlatformProperties.TIME_ZONE) @NotNull ZoneId timeZone) {

  /** The default zone; jobs' schedules name it in their placeholders, which must be constants. */
  public static final String TIME_ZONE = "Asia/Shanghai";
}
