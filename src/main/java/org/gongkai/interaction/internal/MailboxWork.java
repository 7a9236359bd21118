package org.gongkai.interaction.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.springframework.stereotype.Component;

/** Messages of the staff member's agencies not yet answered, the nearest reply deadline first. */
@Component
class MailboxWork implements WorkQueue {

  private final Mailbox mailbox;

  MailboxWork(Mailbox mailbox) {
    this.mailbox = mailbox;
  }

  @Override
  public Section section() {
    return Section.INTERACTION;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    List<MailboxViews.Message> open = mailbox.list("open", staff);
    List<Item> items = open.stream().limit(limit)
        .map(m -> new Item(m.title(), "/console/mailbox/" + m.id(), m.dueOn(), m.workingDaysLeft())).toList();
    return List.of(new Work("todo.messages", open.size(), items, "/console/mailbox"));
  }
}
