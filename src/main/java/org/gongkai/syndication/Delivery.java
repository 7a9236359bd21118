package org.gongkai.syndication;

import java.time.Instant;

/** One event for one endpoint, in the outbox until the endpoint has acknowledged it. */
public record Delivery(
    long id,
    long endpointId,
    String deliveryKey,
    String eventType,
    long documentId,
    String state,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {

  public static final String PENDING = "PENDING";
  public static final String SENDING = "SENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";
}
