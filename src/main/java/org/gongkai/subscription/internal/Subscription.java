package org.gongkai.subscription.internal;

import java.time.Instant;

/**
 * One thing a reader asked to be told about: an agency's publications, a column's, a topic's (the
 * documents it gathers) or a saved search's (its words, with the agency, column and subject it was
 * narrowed to).
 */
record Subscription(
    long id,
    long subscriberId,
    Kind kind,
    Long agencyId,
    Long columnId,
    String queryText,
    String queryTopic,
    Long topicId,
    Frequency frequency,
    State state,
    Instant createdAt,
    Instant confirmedAt,
    Instant endedAt,
    String endReason) {

  enum Kind {
    AGENCY,
    COLUMN,
    QUERY,
    TOPIC
  }

  enum Frequency {
    IMMEDIATE,
    DAILY
  }

  /** PENDING until its link is followed; UNSUBSCRIBED by the reader; STOPPED by the platform. */
  enum State {
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED,
    STOPPED;

    boolean active() {
      return this == PENDING || this == CONFIRMED;
    }
  }

  /** Why a subscription ended. */
  static final String BY_READER = "READER";

  static final String BOUNCES = "BOUNCES";
  static final String EXPIRED = "EXPIRED";
  static final String COMPLAINT = "COMPLAINT";
}
