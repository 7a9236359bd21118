package org.gongkai.account;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module has waiting for a member of staff: the console's to-do page lists it, most urgent
 * first, and its navigation shows how much there is beside each section. Each module that gives
 * staff work implements it for its own records.
 */
public interface WorkQueue {

  /** The console section the work belongs to, one of {@link Section}. */
  Section section();

  /** The open work for {@code staff}, each kind with its total and at most {@code limit} items. */
  List<Work> open(Staff staff, int limit);

  /** The console's sections, grouped by task. */
  enum Section {
    PUBLISHING,
    REQUESTS,
    INTERACTION,
    POWERS,
    SUPERVISION,
    REPORTS,
    SYSTEM
  }

  /**
   * One kind of work ({@code kind} is its message key), how much of it there is, the first items,
   * and the console list where all of it is ({@code list}, whose navigation entry shows the count).
   */
  record Work(String kind, long total, List<Item> items, String list) {

    /** Nothing of this kind for this member of staff. */
    public static Work none(String kind, String list) {
      return new Work(kind, 0, List.of(), list);
    }
  }

  /**
   * One thing to do: what, where to do it (one click), and by when, with the working days left
   * (negative when overdue); the dates are null when there is no deadline.
   */
  record Item(String title, String url, LocalDate due, Integer workingDaysLeft) {}
}
