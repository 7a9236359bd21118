package org.gongkai.foi.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.gongkai.shared.web.PageResult;
import org.springframework.stereotype.Component;

/**
 * Requests assigned to the member of staff and not yet answered, the nearest deadline (or the most
 * overdue) first.
 */
@Component
class RequestWork implements WorkQueue {

  private final RequestQueries queries;

  RequestWork(RequestQueries queries) {
    this.queries = queries;
  }

  @Override
  public Section section() {
    return Section.REQUESTS;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    PageResult<Views.Summary> mine =
        queries.list(
            new RequestQueries.Filter(null, null, "open", true, null),
            1,
            Math.max(1, limit),
            staff);
    List<Item> items =
        limit == 0
            ? List.of()
            : mine.items().stream()
                .map(
                    r ->
                        new Item(
                            r.trackingCode() + " " + r.description(),
                            "/console/foi/" + r.id(),
                            r.dueOn(),
                            r.workingDaysLeft()))
                .toList();
    return List.of(new Work("todo.requests", mine.total(), items, "/console/foi"));
  }
}
