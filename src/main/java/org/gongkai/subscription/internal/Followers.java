package org.gongkai.subscription.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.topic.TopicItemsAdded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes a notice for every confirmed subscription to the agency or column (or a column above it)
 * of a first publication, and records the publication for the saved searches. Durable: the event
 * publication registry keeps the event until this has run, and a notice already written for a
 * subscription and document is not written twice, so a run after a crash adds nothing. The
 * documents a topic gathers are noticed for the topic's subscriptions the same way. Revisions are
 * not mailed: a subscription tells of what is new, and a revised document keeps its place, its
 * address and its feed entry.
 */
@Component
class Followers {

  private final MailRepository mails;
  private final AgencyDirectory agencies;
  private final Clock clock;

  Followers(MailRepository mails, AgencyDirectory agencies, Clock clock) {
    this.mails = mails;
    this.agencies = agencies;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(DocumentPublished event) {
    if (event.revision()) {
      return;
    }
    mails.noticeFollowers(
        event.documentId(), event.agencyId(), columnAndParents(event.columnId()), clock.instant());
    mails.recordPublication(event.documentId(), event.publishedAt());
  }

  /**
   * A topic gathered documents (a publication matched its tags, or staff put one in by hand): a
   * notice for each confirmed subscription to the topic, once per document.
   */
  @ApplicationModuleListener
  void on(TopicItemsAdded event) {
    Instant now = clock.instant();
    for (long documentId : event.documentIds()) {
      mails.noticeTopicFollowers(event.topicId(), documentId, now);
    }
  }

  private List<Long> columnAndParents(long columnId) {
    List<Long> ids = new ArrayList<>();
    Long at = columnId;
    while (at != null && ids.size() < 20 && !ids.contains(at)) {
      ids.add(at);
      Optional<Column> column = agencies.column(at);
      at = column.map(Column::parentId).orElse(null);
    }
    return ids;
  }
}
