package org.gongkai.assessment;

import org.gongkai.shared.site.PublicSiteChange;

/** A year's final assessment ranking was shown on the portal or taken off it. */
public record AssessmentPublished(int year, boolean published) implements PublicSiteChange {}
