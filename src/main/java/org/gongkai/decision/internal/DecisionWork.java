package org.gongkai.decision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.decision.DecisionFigures;
import org.springframework.stereotype.Component;

/**
 * Decisions of the member of staff's agencies not yet published, the nearest publish-by date (or
 * the most overdue) first; for reviewers, those waiting for their approval or publication.
 */
@Component
class DecisionWork implements WorkQueue {

  private static final List<DecisionState> OPEN =
      List.of(DecisionState.DRAFT, DecisionState.SUBMITTED, DecisionState.APPROVED);

  private final DecisionLists lists;
  private final DecisionStatistics statistics;
  private final DecisionQueries queries;
  private final WorkingCalendar calendar;
  private final Decisions decisions;

  DecisionWork(
      DecisionLists lists,
      DecisionStatistics statistics,
      DecisionQueries queries,
      WorkingCalendar calendar,
      Decisions decisions) {
    this.lists = lists;
    this.statistics = statistics;
    this.queries = queries;
    this.calendar = calendar;
    this.decisions = decisions;
  }

  @Override
  public Section section() {
    return Section.POWERS;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    LocalDate today = decisions.today();
    List<Decision> open = lists.ofAgencies(queries.scope(staff), OPEN, null, null);
    List<Item> unpublished = new ArrayList<>();
    List<Item> review = new ArrayList<>();
    for (Decision d : open) {
      DecisionFigures.Timing t = statistics.timing(d);
      int left =
          today.isAfter(t.publishBy())
              ? -calendar.current().workingDaysBetween(t.publishBy(), today)
              : calendar.current().workingDaysBetween(today, t.publishBy());
      Item item =
          new Item(
              d.form().decisionNumber() + " " + DecisionViews.publicName(d.form().party()),
              "/console/decisions/" + d.id(),
              t.publishBy(),
              left);
      // Each decision once: a reviewer has the submitted and approved ones to act on.
      if (staff.role().reviews() && d.state() != DecisionState.DRAFT) {
        review.add(item);
      } else {
        unpublished.add(item);
      }
    }
    Comparator<Item> urgent = Comparator.comparing(Item::due);
    return List.of(
        work("todo.decisions", unpublished, urgent, limit, "/console/decisions"),
        work("todo.decisions.review", review, urgent, limit, "/console/decisions?state=SUBMITTED"));
  }

  private static Work work(
      String kind, List<Item> items, Comparator<Item> order, int limit, String list) {
    return new Work(
        kind, items.size(), items.stream().sorted(order).limit(Math.max(0, limit)).toList(), list);
  }
}
