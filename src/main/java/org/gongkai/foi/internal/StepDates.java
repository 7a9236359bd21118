package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.foi.ReportedYears;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The day a step is dated on, checked against the day it is recorded. A step takes effect neither
 * after today nor before the step before it, nor in a year a published annual report has fixed. A
 * step dated on or before a deadline that had already passed when it is recorded would clear a late
 * request: it is refused unless staff give the reason and a proof of the date (a postal receipt, a
 * signed delivery slip); then it is kept with both, and the request counts as late. A reply dated
 * more than {@code gongkai.foi.backdating-working-days} (3) working days before the day it is
 * recorded needs the same.
 */
@Component
class StepDates {

  private final RequestLedger ledger;
  private final StepProofs proofs;
  private final ObjectProvider<ReportedYears> reportedYears;
  private final int backdatingDays;

  StepDates(
      RequestLedger ledger,
      StepProofs proofs,
      ObjectProvider<ReportedYears> reportedYears,
      FoiProperties settings) {
    this.ledger = ledger;
    this.proofs = proofs;
    this.reportedYears = reportedYears;
    this.backdatingDays = settings.backdatingWorkingDays();
  }

  /**
   * The day a step took effect as staff assert it and, for one recorded late, why, with the proof
   * (the SHA-256 of a file uploaded for the request); today when no day is given.
   */
  record StepDate(LocalDate on, String lateReason, String proof) {

    static StepDate on(LocalDate on) {
      return new StepDate(on, null, null);
    }
  }

  /**
   * What the step records of its date: the day, and the late reason and proof when it needs them.
   */
  record Accepted(LocalDate day, String lateReason, String proof) {}

  Accepted accept(
      RequestRow r, RequestHistory h, Step step, StepDate date, String field, LocalDate today) {
    LocalDate day = date.on() == null ? today : date.on();
    if (day.isAfter(today)) {
      throw Refusal.invalidField(field, "foi.date.future");
    }
    LocalDate previous = h.lastStepOn();
    if (previous != null && day.isBefore(previous)) {
      throw Refusal.invalidField(field, "foi.date.before-previous-step", String.valueOf(previous));
    }
    // A delivery changes no figure of a report, and a letter sent in December may well be
    // received and recorded in January.
    if (step != Step.RECORD_DELIVERY) {
      requireUnreported(r.agencyId(), day, field);
    }
    LocalDate due = Step.clockRunsIn(h.state()) ? h.dueOn() : null;
    boolean afterDeadline = due != null && today.isAfter(due) && !day.isAfter(due);
    boolean backdatedReply =
        step == Step.REPLY && ledger.days().workingDaysBetween(day, today) > backdatingDays;
    String proof = blankToNull(date.proof());
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    String reason = null;
    if (afterDeadline || backdatedReply) {
      reason = blankToNull(date.lateReason());
      if (reason == null) {
        problems.add(
            afterDeadline
                ? new Refusal.FieldProblem(
                    "lateReason", "foi.late.after-deadline", String.valueOf(due))
                : new Refusal.FieldProblem("lateReason", "foi.late.backdated", backdatingDays));
      } else if (reason.length() > 1000) {
        problems.add(new Refusal.FieldProblem("lateReason", "field.too-long"));
      }
      if (proof == null) {
        problems.add(new Refusal.FieldProblem("proof", "foi.late.proof-required"));
      }
    }
    if (proof != null && proofs.find(r.id(), proof).isEmpty()) {
      problems.add(new Refusal.FieldProblem("proof", "foi.proof.not-found"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return new Accepted(day, reason, proof);
  }

  /**
   * Refuses a date in a year whose annual report counting the agency's requests is drafted for
   * publication: the step would change figures already published.
   */
  void requireUnreported(long agencyId, LocalDate day, String field) {
    ReportedYears years = reportedYears.getIfAvailable();
    if (years != null && years.isReported(agencyId, day.getYear())) {
      throw Refusal.conflictOn(field, "foi.date.reported-year", String.valueOf(day.getYear()));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
