package org.gongkai.topic;

import java.time.Instant;
import org.gongkai.shared.site.PublicSiteChange;

/** A document was taken out of a published topic by hand. */
public record TopicItemRemoved(long topicId, String slug, long documentId, Instant at)
    implements PublicSiteChange {}
