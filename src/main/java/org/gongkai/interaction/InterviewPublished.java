package org.gongkai.interaction;

import org.gongkai.shared.site.PublicSiteChange;

/** A recorded leader interview was made public. */
public record InterviewPublished(long interviewId) implements PublicSiteChange {}
