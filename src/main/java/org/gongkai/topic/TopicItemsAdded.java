package org.gongkai.topic;

import java.time.Instant;
import java.util.List;
import org.gongkai.shared.site.PublicSiteChange;

/**
 * A published topic gathered documents: by hand, or because a publication matched its tags (then in
 * the publishing transaction). What a subscription to the topic follows.
 */
public record TopicItemsAdded(long topicId, String slug, List<Long> documentIds, Instant at)
    implements PublicSiteChange {

  public TopicItemsAdded {
    documentIds = List.copyOf(documentIds);
  }
}
