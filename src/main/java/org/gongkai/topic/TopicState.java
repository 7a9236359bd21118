package org.gongkai.topic;

/**
 * Where a topic's draft stands. A PUBLISHED topic's draft is its live copy; changing it makes it a
 * DRAFT again while the live copy stays on the site until the next publication.
 */
public enum TopicState {
  DRAFT,
  SUBMITTED,
  APPROVED,
  PUBLISHED
}
