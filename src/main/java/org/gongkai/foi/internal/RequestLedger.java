package org.gongkai.foi.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * A request's history and what follows from it: replays the events on today's calendar, appends new
 * ones, and rewrites the request's row as their projection. Every command and query comes here, so
 * there is one way of knowing where a request stands.
 */
@Component
class RequestLedger {

  private final RequestRepository requests;
  private final LetterRepository letters;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final DeadlineCalculator deadlines;

  RequestLedger(
      RequestRepository requests,
      LetterRepository letters,
      WorkingCalendar calendar,
      Clock clock,
      FoiProperties settings) {
    this.requests = requests;
    this.letters = letters;
    this.calendar = calendar;
    this.clock = clock;
    this.deadlines =
        new DeadlineCalculator(
            settings.feePausesClock(),
            new DeliveryRules(settings.delivery().deemedDays().byChannel()));
  }

  /** When letters count as received without a recorded delivery. */
  DeliveryRules deliveryRules() {
    return deadlines.rules();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  ZoneId zone() {
    return clock.getZone();
  }

  Instant now() {
    return Instant.now(clock);
  }

  WorkingDays days() {
    return calendar.current();
  }

  /**
   * Working days from today to {@code due}, negative once it has passed; null when there is no due
   * date or the clock is not {@code running}.
   */
  Integer daysLeft(LocalDate due, boolean running, WorkingDays days) {
    if (due == null || !running) {
      return null;
    }
    LocalDate today = today();
    if (!due.isBefore(today)) {
      return days.workingDaysBetween(today, due);
    }
    return -Math.max(1, days.workingDaysBetween(due, today));
  }

  RequestHistory history(long requestId) {
    return replay(requests.events(requestId));
  }

  RequestHistory replay(List<RequestEvent> events) {
    return RequestHistory.replay(events, days(), today(), deadlines);
  }

  /** Appends the steps and rewrites the row from the history they make; returns that history. */
  RequestHistory append(long requestId, List<RequestEvent> events) {
    events.forEach(e -> requests.append(requestId, e));
    return project(requestId);
  }

  /**
   * Rewrites the row from the history as of today: after a step, a calendar change, or a new day.
   */
  RequestHistory project(long requestId) {
    RequestHistory h = history(requestId);
    String reply =
        h.replyLetterId() == null
            ? null
            : letters
                .find(requestId, h.replyLetterId())
                .map(LetterRepository.StoredLetter::body)
                .orElse(null);
    requests.project(requestId, h, reply, now());
    return h;
  }
}
