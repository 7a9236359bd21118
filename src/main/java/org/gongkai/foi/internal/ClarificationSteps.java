package org.gongkai.foi.internal;

import static org.gongkai.foi.internal.HandlingSteps.blankToNull;
import static org.gongkai.foi.internal.HandlingSteps.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * What the agency asks of the applicant (Art. 30: a supplement; Art. 35: reasons for an excessive
 * application) and the longer period reasons may lead to.
 */
@Component
class ClarificationSteps {

  /** The default period for a supplement, in working days from the notice's receipt. */
  static final int SUPPLEMENT_DAYS = 15;

  /**
   * The default period for the reasons asked for under Art. 35, in working days from the letter's
   * receipt; the Regulation sets none, so this is the platform's, like the supplement's.
   */
  static final int REASONS_DAYS = 15;

  private final HandlingSteps steps;
  private final RequestLedger ledger;
  private final Letters letters;

  ClarificationSteps(HandlingSteps steps, RequestLedger ledger, Letters letters) {
    this.steps = steps;
    this.ledger = ledger;
    this.letters = letters;
  }

  /**
   * Art. 30: asks once, within 7 working days of receipt, for what is missing; the period is in
   * working days from the notice's receipt.
   */
  void requestSupplement(long id, String items, Integer days, StepDates.StepDate on, Staff actor) {
    if (items == null || items.isBlank()) {
      throw Refusal.invalidField("items", "foi.supplement.items-required");
    }
    int period = days == null ? SUPPLEMENT_DAYS : days;
    if (period < 1 || period > RequestCommands.MAX_PERIOD_DAYS) {
      throw Refusal.invalidField("days", "foi.supplement.days-range");
    }
    steps.take(
        id,
        Step.REQUEST_SUPPLEMENT,
        on,
        "on",
        actor,
        "foi.supplement.requested",
        (r, h, day, now) -> {
          long letter =
              steps.letter(
                  r,
                  Letters.Kind.interim(LetterKind.SUPPLEMENT_NOTICE),
                  r.applicantName(),
                  Map.of(
                      "items",
                      items.strip(),
                      "days",
                      String.valueOf(period),
                      // A date for agencies' own wording; the letter counts from its receipt.
                      "supplementDue",
                      letters.format(
                          ledger
                              .days()
                              .addWorkingDays(
                                  ledger.deliveryRules().deemed(r.deliveryChannel(), day),
                                  period))),
                  day,
                  actor,
                  now);
          return List.of(
              event(EventKind.SUPPLEMENT_REQUESTED, day, actor, now)
                  .days(period)
                  .detail(items.strip())
                  .letter(letter)
                  .channel(r.deliveryChannel()));
        });
  }

  void recordSupplement(long id, StepDates.StepDate on, Staff actor) {
    steps.take(
        id,
        Step.RECORD_SUPPLEMENT,
        on,
        "on",
        actor,
        "foi.supplement.received",
        (r, h, day, now) -> List.of(event(EventKind.SUPPLEMENT_RECEIVED, day, actor, now)));
  }

  /**
   * Art. 35: an application beyond a reasonable range; the applicant is asked for reasons within a
   * period in working days from the letter's receipt, after which the agency decides on what it
   * has.
   */
  void requestReasons(long id, String text, Integer days, StepDates.StepDate on, Staff actor) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalidField("text", "foi.reasons.text-required");
    }
    int period = days == null ? REASONS_DAYS : days;
    if (period < 1 || period > RequestCommands.MAX_PERIOD_DAYS) {
      throw Refusal.invalidField("days", "foi.reasons.days-range", RequestCommands.MAX_PERIOD_DAYS);
    }
    steps.take(
        id,
        Step.REQUEST_REASONS,
        on,
        "on",
        actor,
        "foi.reasons.requested",
        (r, h, day, now) -> {
          long letter =
              steps.letter(
                  r,
                  Letters.Kind.interim(LetterKind.REASONS_REQUEST),
                  r.applicantName(),
                  Map.of("explanation", text.strip(), "days", String.valueOf(period)),
                  day,
                  actor,
                  now);
          return List.of(
              event(EventKind.REASONS_REQUESTED, day, actor, now)
                  .days(period)
                  .detail(text.strip())
                  .letter(letter)
                  .channel(r.deliveryChannel()));
        });
  }

  void recordReasons(long id, String summary, StepDates.StepDate on, Staff actor) {
    steps.take(
        id,
        Step.RECORD_REASONS,
        on,
        "on",
        actor,
        "foi.reasons.received",
        (r, h, day, now) ->
            List.of(
                event(EventKind.REASONS_RECEIVED, day, actor, now).detail(blankToNull(summary))));
  }

  /**
   * Art. 35: the reasons are sound but the answer cannot come in time; a longer period is set and
   * notified.
   */
  void setPeriod(long id, LocalDate until, String reason, StepDates.StepDate on, Staff actor) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (until == null) {
      problems.add(new Refusal.FieldProblem("until", "foi.period.until-required"));
    }
    if (reason == null || reason.isBlank()) {
      problems.add(new Refusal.FieldProblem("reason", "foi.period.reason-required"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    steps.take(
        id,
        Step.SET_PERIOD,
        on,
        "on",
        actor,
        "foi.period.set",
        (r, h, day, now) -> {
          if (!until.isAfter(h.dueOn())) {
            throw Refusal.invalidField("until", "foi.period.not-longer", String.valueOf(h.dueOn()));
          }
          long letter =
              steps.letter(
                  r,
                  Letters.Kind.interim(LetterKind.PERIOD_NOTICE),
                  r.applicantName(),
                  Map.of("periodUntil", letters.format(until), "reason", reason.strip()),
                  day,
                  actor,
                  now);
          return List.of(
              event(EventKind.PERIOD_SET, day, actor, now)
                  .until(until)
                  .detail(reason.strip())
                  .letter(letter)
                  .channel(r.deliveryChannel()));
        });
  }
}
