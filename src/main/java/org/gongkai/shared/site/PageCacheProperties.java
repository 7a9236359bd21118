package org.gongkai.shared.site;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory cache of rendered public pages, and how a node notices that another node changed
 * the public site.
 *
 * @param enabled Whether rendered public pages are kept in memory and answered from there.
 * @param maxSize The memory all cached pages may take together.
 * @param maxEntrySize The largest page that is cached; larger ones are rendered every time.
 * @param versionCheck How often a node reads the public site's version from the database: other
 *     nodes' changes show within it.
 */
@ConfigurationProperties("gongkai.page-cache")
@Validated
public record PageCacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64MB") @NotNull DataSize maxSize,
    @DefaultValue("2MB") @NotNull DataSize maxEntrySize,
    @DefaultValue("100ms") @NotNull Duration versionCheck) {}
