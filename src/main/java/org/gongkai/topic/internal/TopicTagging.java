package org.gongkai.topic.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.IndexableDocument;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicItem;
import org.gongkai.topic.TopicItemsAdded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A publication whose keywords or subject name a tag of a published topic that is open today joins
 * the topic, in the publishing transaction (decision 0008: it commits with the publication or not
 * at all), and the topic announces what it gained.
 */
@Component
class TopicTagging {

  static final String BY = "tag";

  private final TopicRepository topics;
  private final Catalog catalog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TopicTagging(
      TopicRepository topics, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
    this.topics = topics;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void on(DocumentPublished published) {
    List<Topic> open =
        topics.published().stream()
            .filter(t -> t.live().openOn(LocalDate.now(clock)))
            .filter(t -> !t.live().allTags().isEmpty())
            .toList();
    if (open.isEmpty()) {
      return;
    }
    IndexableDocument document = catalog.indexable(published.documentId()).orElse(null);
    if (document == null) {
      return;
    }
    Set<String> words = TopicRules.words(document.keywords(), document.topic());
    if (words.isEmpty()) {
      return;
    }
    for (Topic topic : open) {
      TopicContent live = topic.live();
      String section = live.sectionFor(words);
      boolean matches =
          section != null
              || live.tags().stream()
                  .anyMatch(t -> words.contains(t.toLowerCase(java.util.Locale.ROOT)));
      if (matches
          && topics.addItem(
              topic.id(), document.id(), section, TopicItem.TAG, BY, clock.instant())) {
        events.publishEvent(
            new TopicItemsAdded(topic.id(), topic.slug(), List.of(document.id()), clock.instant()));
      }
    }
  }
}
