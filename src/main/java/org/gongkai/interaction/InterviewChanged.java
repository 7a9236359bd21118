package org.gongkai.interaction;

import org.gongkai.shared.site.PublicSiteChange;

/** An interview was recorded, or a follow-up of it added or moved on. */
public record InterviewChanged(long interviewId) implements PublicSiteChange {}
