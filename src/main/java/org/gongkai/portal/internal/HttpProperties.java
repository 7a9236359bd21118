package org.gongkai.portal.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How public pages are cached outside the platform.
 *
 * @param publicMaxAge How long browsers, proxies and CDNs may keep a public page; also the longest
 *     the page cache keeps one.
 */
@ConfigurationProperties("gongkai.http")
@Validated
record HttpProperties(@DefaultValue("60s") @NotNull Duration publicMaxAge) {}
