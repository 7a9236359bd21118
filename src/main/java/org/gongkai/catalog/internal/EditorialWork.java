package org.gongkai.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.EditorialQuery;
import org.gongkai.shared.web.PageResult;
import org.springframework.stereotype.Component;

/**
 * Documents waiting: drafts for their editors, submissions to review and approvals to publish for
 * reviewers.
 */
@Component
class EditorialWork implements WorkQueue {

  private final Editorial editorial;

  EditorialWork(Editorial editorial) {
    this.editorial = editorial;
  }

  @Override
  public Section section() {
    return Section.PUBLISHING;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    List<Work> work = new ArrayList<>();
    if (staff.role().reviews()) {
      work.add(work("todo.review", EditionState.SUBMITTED, staff, limit));
      work.add(work("todo.publish", EditionState.APPROVED, staff, limit));
    } else {
      work.add(work("todo.drafts", EditionState.DRAFT, staff, limit));
    }
    return work;
  }

  private Work work(String kind, EditionState state, Staff staff, int limit) {
    PageResult<DocumentSummary> page =
        editorial.list(new EditorialQuery(null, state, null, 1, Math.max(1, limit)), staff);
    List<Item> items =
        limit == 0
            ? List.of()
            : page.items().stream()
                .map(d -> new Item(d.title(), "/console/documents/" + d.id(), null, null))
                .toList();
    return new Work(kind, page.total(), items, "/console/documents");
  }
}
