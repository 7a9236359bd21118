package org.gongkai.topic.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicState;
import org.springframework.stereotype.Component;

/**
 * Topics waiting for a reviewer: submitted ones to approve and approved ones to publish, of the
 * agencies in the reviewer's scope, those the reviewer wrote left out (four eyes).
 */
@Component
class TopicWork implements WorkQueue {

  private final TopicService topics;

  TopicWork(TopicService topics) {
    this.topics = topics;
  }

  @Override
  public Section section() {
    return Section.PUBLISHING;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    if (!staff.role().reviews()) {
      return List.of(Work.none("todo.topics", "/console/topics"));
    }
    List<Topic> waiting =
        topics.visibleTo(staff).stream()
            .filter(t -> t.state() == TopicState.SUBMITTED || t.state() == TopicState.APPROVED)
            .filter(
                t ->
                    !staff.username().equals(t.draftedBy())
                        && !staff.username().equals(t.submittedBy()))
            .toList();
    List<Item> items =
        waiting.stream()
            .limit(limit)
            .map(t -> new Item(t.draft().title(), "/console/topics/" + t.id(), null, null))
            .toList();
    return List.of(new Work("todo.topics", waiting.size(), items, "/console/topics"));
  }
}
