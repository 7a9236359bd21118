package org.gongkai.topic.internal;

import java.util.List;
import java.util.Optional;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicItem;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Published topics for the public pages, feeds and home page blocks. */
@Component
@Transactional(readOnly = true)
class TopicReader implements Topics {

  private final TopicRepository topics;

  TopicReader(TopicRepository topics) {
    this.topics = topics;
  }

  @Override
  public List<Topic> published() {
    return topics.published();
  }

  @Override
  public Optional<Topic> published(long topicId) {
    return topics.find(topicId).filter(Topic::isPublished);
  }

  @Override
  public Optional<Topic> publishedBySlug(String slug) {
    return topics.findBySlug(slug == null ? "" : slug).filter(Topic::isPublished);
  }

  @Override
  public List<TopicItem> items(long topicId) {
    return topics.items(topicId);
  }
}
