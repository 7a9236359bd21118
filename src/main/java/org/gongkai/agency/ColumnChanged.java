package org.gongkai.agency;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * A column was added, renamed, moved, hidden or shown. {@code renamed} when its name differs from
 * before: copies of it elsewhere (the search index's labels) must follow.
 */
public record ColumnChanged(long columnId, long agencyId, boolean renamed)
    implements PublicSiteChange {}
