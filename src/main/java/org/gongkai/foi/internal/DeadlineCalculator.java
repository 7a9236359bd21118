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
 *   <li>Art. 30: a supplement restarts the count from the day it arrives; the applicant's period
 *       for it runs from the notice's receipt.
 *   <li>Art. 32: a third party has 15 working days “自收到征求意见书之日起” — from its receipt of the letter,
 *       recorded or deemed ({@link DeliveryRules}) — and the time it takes does not count; the
 *       pause runs from the letter's sending to the answer or the end of those days, whichever
 *       comes first. After that the agency decides (Art. 32), or, for another agency consulted
 *       under Art. 34, its silence is consent; either way the clock runs.
 *   <li>Art. 33 ¶2: one extension of at most 20 working days.
 *   <li>Art. 35: for an application beyond a reasonable range the agency may set a longer period.
 *   <li>By setting, an unpaid fee notice pauses the count until payment (the fee measures leave it
 *       open).
 *   <li>A reopening on a decision (a reconsideration or a court ordering a new answer) counts the
 *       period the decision orders from the reopening, afresh.
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
  private final DeliveryRules rules;

  DeadlineCalculator(boolean feePausesClock) {
    this(feePausesClock, DeliveryRules.defaults());
  }

  DeadlineCalculator(boolean feePausesClock, DeliveryRules rules) {
    this.feePausesClock = feePausesClock;
    this.rules = rules;
  }

  DeliveryRules rules() {
    return rules;
  }

  Deadline compute(List<RequestEvent> history, WorkingDays days, LocalDate today) {
    return compute(history, days, today, LetterDeliveries.of(history, rules));
  }

  Deadline compute(
      List<RequestEvent> history, WorkingDays days, LocalDate today, LetterDeliveries letters) {
    LocalDate received = null;
    LocalDate reopenedOn = null;
    int base = BASE_DAYS;
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
          supplementDue = supplementDue(e, days, letters);
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
                    days.addWorkingDays(letters.receivedOn(e), CONSULTATION_DAYS));
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
          } else if (e.days() != null || e.untilOn() != null) {
            // The decision orders a new answer within its own period: a new count, from the
            // reopening, with nothing that stood still or was extended before.
            countFrom = e.effectiveOn();
            reopenedOn = e.effectiveOn();
            base = e.days() != null ? e.days() : orderedDays(days, e.effectiveOn(), e.untilOn());
            restarted = false;
            extension = 0;
            periodUntil = null;
            pauses.clear();
            consultation = null;
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
          base,
          extension,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          null,
          stopped ? Deadline.Status.STOPPED : Deadline.Status.AWAITING_SUPPLEMENT,
          supplementDue,
          null,
          periodUntil,
          reopenedOn);
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
    int total = base + extension;
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
        base,
        extension,
        shown,
        met.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList(),
        met.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).toList(),
        List.copyOf(unknownYears),
        due,
        status,
        null,
        answerBy,
        periodUntil,
        reopenedOn);
  }

  /**
   * The applicant's period for a supplement, in working days from the notice's receipt (recorded or
   * deemed), follows the calendar.
   */
  static LocalDate supplementDue(
      RequestEvent requested, WorkingDays days, LetterDeliveries letters) {
    return requested.days() != null
        ? days.addWorkingDays(letters.receivedOn(requested), requested.days())
        : requested.untilOn();
  }

  /**
   * A period ordered up to a date, in working days from the reopening; a date that is not a working
   * day moves to the next one, as the end of a period does.
   */
  static int orderedDays(WorkingDays days, LocalDate from, LocalDate until) {
    int n = days.workingDaysBetween(from, until);
    return days.isWorkingDay(until) ? Math.max(1, n) : n + 1;
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
