package org.gongkai.shared.durability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded database commits.
 *
 * @param forceCommits Whether a commit of the embedded database waits until it is on disk (group
 *     commit); 'false' gives H2's own behaviour back (the last second lost in a crash), only for
 *     measuring what durability costs or for a bulk load that can be repeated.
 */
@ConfigurationProperties("gongkai.durability")
public record DurabilityProperties(@DefaultValue("true") boolean forceCommits) {}
