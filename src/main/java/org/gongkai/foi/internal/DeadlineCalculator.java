package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Deadline;

/**
 * Derives a request's due date from its recorded clock steps and the calendar, never from a date
 * someone typed (Art. 30–33): 20 working days counted from the day after receipt; a supplement
 * restarts the count from the day it arrives; consultation (and, by setting, an unpaid fee notice)
 * pauses it; an approved extension adds at most 20 days once.
 */
final class DeadlineCalculator {

  static final int BASE_DAYS = 20;

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
    int extension = 0;
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
          supplementDue = e.untilOn();
        }
        case SUPPLEMENT_RECEIVED -> {
          awaitingSupplement = false;
          countFrom = e.effectiveOn();
          restarted = true;
          // A restart counts afresh: what stood still before it no longer matters.
          pauses.clear();
        }
        case CONSULTATION_SENT -> consultation = new OpenPause("CONSULTATION", e.effectiveOn());
        case CONSULTATION_ANSWERED -> {
          if (consultation != null) {
            pauses.add(consultation.closedOn(e.effectiveOn()));
            consultation = null;
          }
        }
        case FEE_NOTIFIED -> fee = feePausesClock ? new OpenPause("FEE", e.effectiveOn()) : null;
        case FEE_PAID -> {
          if (fee != null) {
            pauses.add(fee.closedOn(e.effectiveOn()));
            fee = null;
          }
        }
        case EXTENDED -> extension = Math.min(BASE_DAYS, e.days() == null ? 0 : e.days());
        case REPLIED, CLOSED -> stopped = true;
        case REOPENED -> stopped = false;
        default -> { }
      }
    }
    if (received == null) {
      return Deadline.notStarted();
    }
    if (awaitingSupplement) {
      return new Deadline(received, countFrom, restarted, BASE_DAYS, extension, List.of(), List.of(), List.of(),
          List.of(), null, Deadline.Status.AWAITING_SUPPLEMENT, supplementDue);
    }
    boolean paused = false;
    for (OpenPause open : new OpenPause[] {consultation, fee}) {
      if (open != null) {
        // Still standing: the due date shown is the one it would be if the pause ended today.
        pauses.add(open.stillOpen(today.isAfter(open.from) ? today : open.from));
        paused = true;
      }
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
    List<Deadline.Pause> shown = new ArrayList<>();
    for (int i = 0; i < pauses.size(); i++) {
      OpenPause p = pauses.get(i);
      shown.add(new Deadline.Pause(p.kind, p.from, p.to, p.open, notCounted[i]));
    }
    List<CalendarDay> met = days.announcedBetween(countFrom, day);
    TreeSet<Integer> unknownYears = new TreeSet<>();
    for (int y = countFrom.getYear(); y <= day.getYear(); y++) {
      if (!days.isAnnounced(y)) {
        unknownYears.add(y);
      }
    }
    Deadline.Status status = stopped ? Deadline.Status.STOPPED : paused ? Deadline.Status.PAUSED : Deadline.Status.RUNNING;
    return new Deadline(received, countFrom, restarted, BASE_DAYS, extension, shown,
        met.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList(),
        met.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).toList(),
        List.copyOf(unknownYears), day, status, null);
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

  /** A pause from the day after {@code from} through {@code to}. */
  private static final class OpenPause {
    final String kind;
    final LocalDate from;
    LocalDate to;
    boolean open;

    OpenPause(String kind, LocalDate from) {
      this.kind = kind;
      this.from = from;
      this.to = from;
    }

    OpenPause closedOn(LocalDate answered) {
      OpenPause p = new OpenPause(kind, from);
      p.to = answered.isBefore(from) ? from : answered;
      return p;
    }

    OpenPause stillOpen(LocalDate asOf) {
      OpenPause p = closedOn(asOf);
      p.open = true;
      return p;
    }
  }
}
