package org.gongkai.topic;

import java.time.Instant;

/**
 * A document a topic gathers: put in by hand (HAND) or matched by one of its tags (TAG), listed in
 * the named section or in none (null).
 */
public record TopicItem(
    long topicId, long documentId, String section, String source, String addedBy, Instant addedAt) {

  public static final String HAND = "HAND";
  public static final String TAG = "TAG";
}
