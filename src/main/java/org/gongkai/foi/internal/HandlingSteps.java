package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shape every handling step has: it locks the request, checks the actor's agency, asks the
 * transition table whether the step is allowed now, checks the date it takes effect against the day
 * it is recorded ({@link StepDates}), appends the events the step makes and audits them, all in one
 * transaction; a refused step changes nothing.
 */
@Component
class HandlingSteps {

  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final LetterIssuer issuer;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final StepDates dates;
  private final TransactionTemplate transactions;

  HandlingSteps(
      RequestRepository requests,
      RequestLedger ledger,
      LetterIssuer issuer,
      StaffAccess access,
      AuditTrail audit,
      StepDates dates,
      TransactionTemplate transactions) {
    this.requests = requests;
    this.ledger = ledger;
    this.issuer = issuer;
    this.access = access;
    this.audit = audit;
    this.dates = dates;
    this.transactions = transactions;
  }

  /** What a step records, given the request and its history before the step. */
  @FunctionalInterface
  interface Command {
    List<RequestEvent> events(RequestRow r, RequestHistory h, LocalDate on, Instant now);
  }

  void take(
      long id,
      Step step,
      StepDates.StepDate date,
      String dateField,
      Staff actor,
      String action,
      Command command) {
    transactions.executeWithoutResult(
        tx -> {
          RequestRow r =
              requests.lock(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
          access.requireAgency(actor, r.agencyId());
          RequestHistory h = ledger.history(r.id());
          LocalDate today = ledger.today();
          step.require(h, ledger.days(), today);
          StepDates.Accepted accepted =
              dateField == null
                  ? null
                  : dates.accept(
                      r,
                      h,
                      step,
                      date == null ? new StepDates.StepDate(null, null, null) : date,
                      dateField,
                      today);
          LocalDate day = accepted == null ? null : accepted.day();
          List<RequestEvent> events = new ArrayList<>(command.events(r, h, day, ledger.now()));
          if (accepted != null && (accepted.lateReason() != null || accepted.proof() != null)) {
            events.set(0, events.get(0).late(accepted.lateReason()).proof(accepted.proof()));
          }
          ledger.append(r.id(), events);
          audit.record(
              actor.username(),
              action,
              "foi-request",
              r.id(),
              events.get(0).kind().name() + (day == null ? "" : " " + day));
          if (accepted != null && accepted.lateReason() != null) {
            audit.record(
                actor.username(),
                "foi.recorded-late",
                "foi-request",
                r.id(),
                events.get(0).kind().name()
                    + " dated "
                    + day
                    + ", recorded "
                    + today
                    + ": "
                    + accepted.lateReason());
          }
        });
  }

  /**
   * A consultation, a fee notice or an extension dated after the answer period has ended is
   * refused: the period it would stop or lengthen is already over.
   */
  static void requireWithinPeriod(
      RequestHistory h, LocalDate day, String field, String messageKey) {
    LocalDate due = h.dueOn();
    if (due != null && day.isAfter(due)) {
      throw Refusal.conflictOn(field, messageKey, String.valueOf(due));
    }
  }

  /** Renders, stores and records the letter a step sends; its id. */
  long letter(
      RequestRow r,
      Letters.Kind kind,
      String recipient,
      Map<String, String> values,
      LocalDate on,
      Staff actor,
      Instant now) {
    return issuer.issue(r, kind, recipient, values, on, actor.username(), now);
  }

  static RequestEvent event(EventKind kind, LocalDate on, Staff actor, Instant now) {
    return RequestEvent.of(kind, on, actor.username(), now);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
