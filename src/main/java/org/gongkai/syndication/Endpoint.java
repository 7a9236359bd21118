package org.gongkai.syndication;

import java.time.Instant;
import java.util.List;

/** A platform that takes the publications of some agencies or columns, as signed webhooks. */
public record Endpoint(
    long id,
    String url,
    List<Long> agencyIds,
    List<Long> columnIds,
    boolean enabled,
    String createdBy,
    Instant createdAt) {

  /** Whether a document of this agency and column goes to this endpoint. */
  public boolean takes(long agencyId, Long columnId) {
    return enabled
        && (agencyIds.contains(agencyId) || (columnId != null && columnIds.contains(columnId)));
  }
}
