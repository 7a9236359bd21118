package org.gongkai.agency;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * An agency was created or its record changed. {@code renamed} when its name or code differ from
 * before: copies of them elsewhere (the search index's labels) must follow.
 */
public record AgencyChanged(long agencyId, boolean renamed) implements PublicSiteChange {}
