package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.Outcome;

/**
 * Derives a request's due date from its recorded steps and the calendar, never from a date someone
 * typed:
 *
 * <ul>
 *   <li>Art. 33 ¶1: 20 working days, counted from the day after receipt.
 *   <li>Art. 30: a supplement restarts the count from the day it arrives.
 *   <li>Art. 32: a third party has 15 working days from the consultation letter, and the time it
 *       takes does not count; the pause ends at its answer or when those 15 days are over,
 *       whichever comes first — after that the agency decides (Art. 32, 34), and the clock runs.
 *   <li>Art. 33 ¶2: one extension of at most 20 working days.
 *   <li>Art. 35: for an application beyond a reasonable range the agency may set a longer period.
 *   <li>By setting, an unpaid fee notice pauses the count until payment (the fee measures leave it
 *       open).
 * </ul>
 *
 * A request reopened after it lapsed for want of a supplement counts afresh from the reopening, as
 * if the supplement had come that day; after it lapsed for want of payment, the fee's pause ends on
 * the reopening day.
 */
final class DeadlineCalculator {

  static final int BASE_DAYS = 20;
  static final int CONSULTATION_DAYS = 15;

  private final boolean feePausesClock;

  DeadlineCalculator(boolean feePausesClock) {
    this.feePausesClock = feePausesClock;
  }

  Deadline compute(List<RequestEvent> history, WorkingDays days, LocalDate today) {
    LocalDate received = null;
    LocalDate countFrom = null;
    boolean restarted = false;
    boolean awaitingSupplement = false;
    LocalDate supplementDue = null;
    boolean stopped = false;
    Outcome closedWith = null;
    int extension = 0;
    LocalDate periodUntil = null;
    List<OpenPause> pauses = new ArrayList<>();
    OpenPause consultation = null;
    OpenPause fee = null;
    for (RequestEvent e : history) {
      switch (e.kind()) {
        case REGISTERED -> {
          received = e.effectiveOn();
          countFrom = received;
        }
        case SUPPLEMENT_REQUESTED -> {
          awaitingSupplement = true;
          supplementDue = supplementDue(e, days);
        }
        case SUPPLEMENT_RECEIVED -> {
          awaitingSupplement = false;
          countFrom = e.effectiveOn();
          restarted = true;
          // A restart counts afresh: what stood still before it no longer matters.
          pauses.clear();
        }
        case CONSULTATION_SENT ->
            consultation =
                new OpenPause(
                    "CONSULTATION",
                    e.effectiveOn(),
                    days.addWorkingDays(e.effectiveOn(), CONSULTATION_DAYS));
        case CONSULTATION_ANSWERED -> {
          if (consultation != null) {
            pauses.add(consultation.closedOn(e.effectiveOn()));
            consultation = null;
          }
        }
        case FEE_NOTIFIED ->
            fee = feePausesClock ? new OpenPause("FEE", e.effectiveOn(), null) : null;
        case FEE_PAID -> {
          if (fee != null) {
            pauses.add(fee.closedOn(e.effectiveOn()));
            fee = null;
          }
        }
        case EXTENDED -> extension = Math.min(BASE_DAYS, e.days() == null ? 0 : e.days());
        case PERIOD_SET -> periodUntil = e.untilOn();
        case REPLIED, CLOSED -> {
          stopped = true;
          closedWith = e.outcome();
        }
        case REOPENED -> {
          stopped = false;
          if (closedWith == Outcome.OTHER_NO_SUPPLEMENT && awaitingSupplement) {
            awaitingSupplement = false;
            countFrom = e.effectiveOn();
            restarted = true;
            pauses.clear();
          } else if (closedWith == Outcome.OTHER_FEE_UNPAID && fee != null) {
            pauses.add(fee.closedOn(e.effectiveOn()));
            fee = null;
          }
          closedWith = null;
        }
        default -> {}
      }
    }
    if (received == null) {
      return Deadline.notStarted();
    }
    if (awaitingSupplement) {
      return new Deadline(
          received,
          countFrom,
          restarted,
          BASE_DAYS,
          extension,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          null,
          stopped ? Deadline.Status.STOPPED : Deadline.Status.AWAITING_SUPPLEMENT,
          supplementDue,
          null,
          periodUntil);
    }
    boolean paused = false;
    LocalDate answerBy = null;
    if (consultation != null) {
      answerBy = consultation.cap;
      if (today.isAfter(consultation.cap)) {
        // The third party's 15 working days are over: the pause ended with them.
        pauses.add(consultation.closedOn(consultation.cap));
      } else {
        pauses.add(
            consultation.stillOpen(today.isAfter(consultation.from) ? today : consultation.from));
        paused = true;
      }
    }
    if (fee != null) {
      // Still standing: the due date shown is the one it would be if the pause ended today.
      pauses.add(fee.stillOpen(today.isAfter(fee.from) ? today : fee.from));
      paused = true;
    }
    LocalDate start = countFrom;
    pauses.removeIf(p -> !p.to.isAfter(start));
    int total = BASE_DAYS + extension;
    int counted = 0;
    int[] notCounted = new int[pauses.size()];
    LocalDate day = countFrom;
    while (counted < total) {
      day = day.plusDays(1);
      if (!days.isWorkingDay(day)) {
        continue;
      }
      int pause = pauseCovering(pauses, day);
      if (pause >= 0) {
        notCounted[pause]++;
        continue;
      }
      counted++;
    }
    LocalDate due = periodUntil != null && periodUntil.isAfter(day) ? periodUntil : day;
    List<Deadline.Pause> shown = new ArrayList<>();
    for (int i = 0; i < pauses.size(); i++) {
      OpenPause p = pauses.get(i);
      shown.add(new Deadline.Pause(p.kind, p.from, p.to, p.open, notCounted[i]));
    }
    List<CalendarDay> met = days.announcedBetween(countFrom, day);
    TreeSet<Integer> unknownYears = new TreeSet<>();
    for (int y = countFrom.getYear(); y <= due.getYear(); y++) {
      if (!days.isAnnounced(y)) {
        unknownYears.add(y);
      }
    }
    Deadline.Status status =
        stopped
            ? Deadline.Status.STOPPED
            : paused ? Deadline.Status.PAUSED : Deadline.Status.RUNNING;
    return new Deadline(
        received,
        countFrom,
        restarted,
        BASE_DAYS,
        extension,
        shown,
        met.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList(),
        met.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).toList(),
        List.copyOf(unknownYears),
        due,
        status,
        null,
        answerBy,
        periodUntil);
  }

  /**
   * The applicant's period for a supplement, in working days from the notice, follows the calendar.
   */
  static LocalDate supplementDue(RequestEvent requested, WorkingDays days) {
    return requested.days() != null
        ? days.addWorkingDays(requested.effectiveOn(), requested.days())
        : requested.untilOn();
  }

  private static int pauseCovering(List<OpenPause> pauses, LocalDate day) {
    for (int i = 0; i < pauses.size(); i++) {
      OpenPause p = pauses.get(i);
      if (day.isAfter(p.from) && !day.isAfter(p.to)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A pause from the day after {@code from} through {@code to}, ending at {@code cap} at the
   * latest.
   */
  private static final class OpenPause {
    final String kind;
    final LocalDate from;
    final LocalDate cap;
    LocalDate to;
    boolean open;

    OpenPause(String kind, LocalDate from, LocalDate cap) {
      this.kind = kind;
      this.from = from;
      this.cap = cap;
      this.to = from;
    }

    OpenPause closedOn(LocalDate end) {
      OpenPause p = new OpenPause(kind, from, cap);
      LocalDate capped = cap != null && end.isAfter(cap) ? cap : end;
      p.to = capped.isBefore(from) ? from : capped;
      return p;
    }

    OpenPause stillOpen(LocalDate asOf) {
      OpenPause p = closedOn(asOf);
      p.open = true;
      return p;
    }
  }
}
