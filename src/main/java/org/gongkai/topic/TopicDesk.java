package org.gongkai.topic;

import org.gongkai.account.Staff;

/**
 * The editorial workflow of topics for other modules (the demo's seed, imports): the same checks,
 * four eyes and audit records as the console and the admin API.
 */
public interface TopicDesk {

  /** A new draft of the agency's (by code), named by a slug that never changes. */
  Topic create(String slug, String agencyCode, TopicContent content, Staff by);

  Topic submit(long id, Staff by);

  /** By a reviewer who did not write the draft. */
  Topic approve(long id, Staff by);

  /** The approved draft goes live and gathers the published documents its tags name. */
  Topic publish(long id, Staff by);

  /** Puts a published document into the topic by hand, in one of its sections or none. */
  TopicItem addItem(long id, Long documentId, String section, Staff by);
}
