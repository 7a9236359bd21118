package org.gongkai.topic;

import java.time.Instant;

/**
 * A topic (专题) of one agency, named by a stable id and slug. {@code live}: the copy the public
 * pages show, null until it is first published.
 */
public record Topic(
    long id,
    String slug,
    long agencyId,
    TopicState state,
    TopicContent draft,
    TopicContent live,
    String draftedBy,
    String submittedBy,
    String approvedBy,
    String publishedBy,
    Instant publishedAt,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public boolean isPublished() {
    return live != null;
  }
}
