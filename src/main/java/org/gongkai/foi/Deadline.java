package org.gongkai.foi;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.calendar.CalendarDay;

/**
 * A request's due date with its working: where the count started, how many working days it counts,
 * which holidays and make-up working days it met, which days a pause left out, and any extension.
 * {@code dueOn} is null while the clock has not started or waits for a supplement. {@code
 * thirdPartyAnswerBy} is the end of a consulted third party's 15 working days (Art. 32), {@code
 * periodUntil} a longer period set under Art. 35, {@code reopenedOn} the reopening a decision's own
 * period counts from (then {@code baseDays} is that period).
 */
public record Deadline(
    LocalDate receivedOn,
    LocalDate countFrom,
    boolean restartedAfterSupplement,
    int baseDays,
    int extensionDays,
    List<Pause> pauses,
    List<CalendarDay> holidaysMet,
    List<CalendarDay> makeupWorkdaysMet,
    List<Integer> yearsWithoutCalendar,
    LocalDate dueOn,
    Status status,
    LocalDate supplementDueOn,
    LocalDate thirdPartyAnswerBy,
    LocalDate periodUntil,
    LocalDate reopenedOn) {

  public enum Status {
    NOT_STARTED,
    RUNNING,
    PAUSED,
    AWAITING_SUPPLEMENT,
    STOPPED
  }

  /**
   * Days the clock stood still: {@code from} exclusive to {@code to} inclusive; {@code open} while
   * it still stands.
   */
  public record Pause(
      String kind, LocalDate from, LocalDate to, boolean open, int workingDaysNotCounted) {}

  public int totalDays() {
    return baseDays + extensionDays;
  }

  public static Deadline notStarted() {
    return new Deadline(
        null,
        null,
        false,
        0,
        0,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        Status.NOT_STARTED,
        null,
        null,
        null,
        null);
  }
}
