package org.gongkai.interaction;

import org.gongkai.shared.site.PublicSiteChange;

/** A leader who may give interviews was added to an agency's list. */
public record LeaderAdded(long leaderId, long agencyId) implements PublicSiteChange {}
