package org.gongkai.decision;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * A decision was published, revoked or superseded by its correction: the public register changed.
 */
public record DecisionPublished(long decisionId, long agencyId) implements PublicSiteChange {}
