package org.gongkai.foi.internal;

import static org.gongkai.foi.internal.HandlingSteps.blankToNull;
import static org.gongkai.foi.internal.HandlingSteps.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The handling steps. Each locks the request, checks the actor's agency, asks the transition table
 * whether the step is allowed now, checks the date it takes effect against the day it is recorded
 * ({@link StepDates}), renders and records the letter it sends with the channel it goes by, appends
 * its events and rewrites the request's row from the history ({@link HandlingSteps}). A refused
 * step changes nothing. What the agency asks of the applicant is in {@link ClarificationSteps},
 * what stops or lengthens the answer period in {@link PeriodSteps}.
 */
@Service
class RequestCommands {

  /** The longest period staff may give for a supplement, reasons, or an ordered new answer. */
  static final int MAX_PERIOD_DAYS = 60;

  private final HandlingSteps steps;
  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final Letters letters;
  private final LetterRepository letterRecords;
  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  RequestCommands(
      HandlingSteps steps,
      RequestRepository requests,
      RequestLedger ledger,
      Letters letters,
      LetterRepository letterRecords,
      AgencyDirectory agencies,
      Accounts accounts,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.steps = steps;
    this.requests = requests;
    this.ledger = ledger;
    this.letters = letters;
    this.letterRecords = letterRecords;
    this.agencies = agencies;
    this.accounts = accounts;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  void register(long id, LocalDate receivedOn, Staff actor) {
    if (receivedOn == null) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.required");
    }
    steps.take(
        id,
        Step.REGISTER,
        StepDates.StepDate.on(receivedOn),
        "receivedOn",
        actor,
        "foi.registered",
        (r, h, on, now) -> List.of(event(EventKind.REGISTERED, on, actor, now)));
  }

  void assign(long id, long staffId, Staff actor) {
    steps.take(
        id,
        Step.ASSIGN,
        null,
        null,
        actor,
        "foi.assigned",
        (r, h, on, now) -> {
          Staff assignee =
              accounts
                  .find(staffId)
                  .filter(Staff::enabled)
                  .filter(s -> access.mayWorkOn(s, r.agencyId()))
                  .orElseThrow(() -> Refusal.invalidField("assignee", "foi.assignee.invalid"));
          requests.setAssignee(r.id(), assignee.id());
          return List.of(
              event(EventKind.ASSIGNED, null, actor, now).detail(assignee.displayName()));
        });
  }

  /**
   * The answer. （四）3 says the application was still unclear after a supplement and （五）4 that the
   * applicant did not justify an excessive number of requests when asked (Art. 35): neither is
   * given without the step it refers to.
   */
  void reply(long id, Outcome outcome, String explanation, StepDates.StepDate on, Staff actor) {
    if (outcome == null || outcome.isAutomatic()) {
      throw Refusal.invalidField("outcome", "foi.outcome.required");
    }
    if (outcome != Outcome.DISCLOSED && (explanation == null || explanation.isBlank())) {
      throw Refusal.invalidField("explanation", "foi.reply.explanation-required");
    }
    steps.take(
        id,
        Step.REPLY,
        on,
        "on",
        actor,
        "foi.replied",
        (r, h, day, now) -> {
          if (outcome == Outcome.UNAVAILABLE_STILL_UNCLEAR
              && (h.supplement() == null || h.supplement().receivedOn() == null)) {
            throw Refusal.conflictOn("outcome", "foi.outcome.needs-supplement");
          }
          if (outcome == Outcome.NOT_PROCESSED_EXCESSIVE && h.reasons() == null) {
            throw Refusal.conflictOn("outcome", "foi.outcome.needs-reasons");
          }
          long letter =
              steps.letter(
                  r,
                  Letters.Kind.reply(outcome),
                  r.applicantName(),
                  Map.of("explanation", explanation == null ? "" : explanation.strip()),
                  day,
                  actor,
                  now);
          return List.of(
              event(EventKind.REPLIED, day, actor, now)
                  .outcome(outcome)
                  .letter(letter)
                  .channel(r.deliveryChannel()));
        });
  }

  Letters.Letter previewReply(long id, Outcome outcome, String explanation, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    if (outcome == null) {
      throw Refusal.invalidField("outcome", "foi.outcome.required");
    }
    return letters.render(
        Letters.Kind.reply(outcome),
        r,
        agencies.get(r.agencyId()),
        r.applicantName(),
        Map.of("explanation", explanation == null ? "" : explanation.strip()),
        ledger.today());
  }

  /**
   * Records that a letter reached its recipient, with the proof where there is one (a postal
   * receipt, a signed delivery slip); without a letter named, the oldest one not yet recorded.
   */
  void recordDelivery(
      long id, Long letterId, DeliveryChannel channel, StepDates.StepDate on, Staff actor) {
    if (channel == null) {
      throw Refusal.invalidField("method", "foi.delivery.method-required");
    }
    steps.take(
        id,
        Step.RECORD_DELIVERY,
        on,
        "deliveredOn",
        actor,
        "foi.delivered",
        (r, h, day, now) -> {
          long letter = letterId != null ? letterId : h.undelivered().get(0);
          if (!h.undelivered().contains(letter)) {
            throw Refusal.conflictOn("letter", "foi.delivery.already");
          }
          LetterRepository.StoredLetter sent =
              letterRecords
                  .find(r.id(), letter)
                  .orElseThrow(() -> Refusal.notFound("foi.letter.not-found"));
          if (day.isBefore(sent.issuedOn())) {
            throw Refusal.invalidField("deliveredOn", "foi.delivery.date-invalid");
          }
          return List.of(
              event(EventKind.DELIVERED, day, actor, now)
                  .letter(letter)
                  .channel(channel)
                  .detail(sent.kind().name()));
        });
  }

  /**
   * Reopening appends: the letter that was sent stays on record with its delivery. A reopening of
   * an answered request follows a decision (a reconsideration, a court) that orders a new answer
   * within a period: in working days from the reopening ({@code days}) or up to a date ({@code
   * until}); the deadline follows it.
   */
  void reopen(
      long id,
      String reason,
      String decision,
      Integer days,
      LocalDate until,
      StepDates.StepDate on,
      Staff actor) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add(new Refusal.FieldProblem("reason", "foi.reopen.reason-required"));
    }
    if (days != null && (days < 1 || days > MAX_PERIOD_DAYS)) {
      problems.add(new Refusal.FieldProblem("days", "foi.reopen.days-range", MAX_PERIOD_DAYS));
    }
    if (days != null && until != null) {
      problems.add(new Refusal.FieldProblem("until", "foi.reopen.one-period"));
    }
    if (decision != null && decision.length() > 200) {
      problems.add(new Refusal.FieldProblem("decision", "field.too-long"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    steps.take(
        id,
        Step.REOPEN,
        on,
        "on",
        actor,
        "foi.reopened",
        (r, h, day, now) -> {
          boolean afterAnswer = h.outcome() != null && !h.outcome().isAutomatic();
          if (afterAnswer && days == null && until == null) {
            throw Refusal.invalidField("days", "foi.reopen.period-required");
          }
          if (until != null && !until.isAfter(day)) {
            throw Refusal.invalidField("until", "foi.reopen.until-invalid");
          }
          return List.of(
              event(EventKind.REOPENED, day, actor, now)
                  .detail(reason.strip())
                  .reference(blankToNull(decision))
                  .days(days)
                  .until(until));
        });
  }

  /**
   * Records that the disclosed information went into the catalog as proactive disclosure (Art. 44).
   */
  void markPublished(List<Long> ids, long documentId, Staff actor) {
    for (long id : ids) {
      RequestRow r = requests.lock(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
      access.requireAgency(actor, r.agencyId());
      RequestHistory h = ledger.history(r.id());
      if (Step.PUBLISH_TO_CATALOG.refusal(h, ledger.days(), ledger.today()).isPresent()) {
        throw Refusal.conflict("foi.publish.not-disclosed", r.trackingCode());
      }
      ledger.append(
          r.id(),
          List.of(
              event(EventKind.PUBLISHED_TO_CATALOG, ledger.today(), actor, ledger.now())
                  .detail("document " + documentId)));
      audit.record(
          actor.username(), "foi.published", "foi-request", r.id(), "document " + documentId);
    }
  }

  /**
   * An agency's own wording for a letter; the reviewer role decides what goes out in the agency's
   * name.
   */
  void saveTemplate(String agencyCode, String key, String body, Staff actor) {
    Agency agency =
        agencies.findByCode(agencyCode).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    access.requireReviewer(actor, agency.id());
    if (key == null || !Letters.isTemplateKey(key)) {
      throw Refusal.invalidField("outcome", "foi.outcome.required");
    }
    if (body != null && body.length() > 8000) {
      throw Refusal.invalidField("body", "field.too-long");
    }
    transactions.executeWithoutResult(
        tx -> {
          letters.saveTemplate(agency.id(), key, body, actor.username(), ledger.now());
          audit.record(actor.username(), "foi.template.saved", "agency", agency.id(), key);
        });
  }
}
