package org.gongkai.site;

import org.gongkai.shared.site.PublicSiteChange;

/** A site was created or changed: its pages name it, so cached pages must follow. */
public record SiteChanged(long siteId) implements PublicSiteChange {}
