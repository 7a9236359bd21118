package org.gongkai.websitereport;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * A website report was published (frozen) or its correction replaced it: the site's home page shows
 * it from now on. {@code site} null for the network's supervision report.
 */
public record WebsiteReportPublished(Long site, int year, long documentId)
    implements PublicSiteChange {}
