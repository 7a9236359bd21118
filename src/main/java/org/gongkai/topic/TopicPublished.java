package org.gongkai.topic;

import java.time.Instant;
import org.gongkai.shared.site.PublicSiteChange;

/** A topic's approved draft became its live copy: its page, feed and the sitemap change. */
public record TopicPublished(long topicId, String slug, long agencyId, Instant publishedAt)
    implements PublicSiteChange {}
