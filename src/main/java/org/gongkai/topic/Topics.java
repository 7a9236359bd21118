package org.gongkai.topic;

import java.util.List;
import java.util.Optional;

/** Published topics as the public pages, feeds and home page blocks read them. */
public interface Topics {

  /** Published topics, newest publication first. */
  List<Topic> published();

  /** A published topic by its id, the name a subscription keeps. */
  Optional<Topic> published(long topicId);

  /** A published topic by its slug. */
  Optional<Topic> publishedBySlug(String slug);

  /** The documents a topic gathers, newest first (published or not: the catalog filters). */
  List<TopicItem> items(long topicId);
}
