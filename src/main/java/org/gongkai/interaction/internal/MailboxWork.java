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
    // Counted for every console page's navigation: the messages themselves only when listed.
    List<Item> items =
        limit == 0
            ? List.of()
            : mailbox.list("open", staff, limit).stream()
                .map(
                    m ->
                        new Item(
                            m.title(),
                            "/console/mailbox/" + m.id(),
                            m.dueOn(),
                            m.workingDaysLeft()))
                .toList();
    return List.of(
        new Work("todo.messages", mailbox.count("open", staff), items, "/console/mailbox"));
  }
}
