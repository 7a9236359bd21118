package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The handling steps. Each locks the request, checks the actor's agency, asks the transition table
 * whether the step is allowed now, checks the date it takes effect against the day it is recorded
 * ({@link StepDates}), renders and records the letter it sends with the channel it goes by, appends
 * its events and rewrites the request's row from the history. A refused step changes nothing.
 */
@Service
class RequestCommands {

  /** The default period for a supplement, in working days from the notice's receipt. */
  static final int SUPPLEMENT_DAYS = 15;

  /**
   * The default period for the reasons asked for under Art. 35, in working days from the letter's
   * receipt; the Regulation sets none, so this is the platform's, like the supplement's.
   */
  static final int REASONS_DAYS = 15;

  /** The longest period staff may give for a supplement, reasons, or an ordered new answer. */
  static final int MAX_PERIOD_DAYS = 60;

  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final Letters letters;
  private final LetterIssuer issuer;
  private final LetterRepository letterRecords;
  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final StepDates dates;
  private final TransactionTemplate transactions;

  RequestCommands(
      RequestRepository requests,
      RequestLedger ledger,
      Letters letters,
      LetterIssuer issuer,
      LetterRepository letterRecords,
      AgencyDirectory agencies,
      Accounts accounts,
      StaffAccess access,
      AuditTrail audit,
      StepDates dates,
      TransactionTemplate transactions) {
    this.dates = dates;
    this.issuer = issuer;
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

  /** What a step records, given the request and its history before the step. */
  @FunctionalInterface
  private interface Command {
    List<RequestEvent> events(RequestRow r, RequestHistory h, LocalDate on, Instant now);
  }

  void register(long id, LocalDate receivedOn, Staff actor) {
    if (receivedOn == null) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.required");
    }
    take(
        id,
        Step.REGISTER,
        StepDates.StepDate.on(receivedOn),
        "receivedOn",
        actor,
        "foi.registered",
        (r, h, on, now) -> List.of(event(EventKind.REGISTERED, on, actor, now)));
  }

  void assign(long id, long staffId, Staff actor) {
    take(
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
   * Art. 30: asks once, within 7 working days of receipt, for what is missing; the period is in
   * working days from the notice's receipt.
   */
  void requestSupplement(long id, String items, Integer days, StepDates.StepDate on, Staff actor) {
    if (items == null || items.isBlank()) {
      throw Refusal.invalidField("items", "foi.supplement.items-required");
    }
    int period = days == null ? SUPPLEMENT_DAYS : days;
    if (period < 1 || period > MAX_PERIOD_DAYS) {
      throw Refusal.invalidField("days", "foi.supplement.days-range");
    }
    take(
        id,
        Step.REQUEST_SUPPLEMENT,
        on,
        "on",
        actor,
        "foi.supplement.requested",
        (r, h, day, now) -> {
          long letter =
              letter(
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
    take(
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
    if (period < 1 || period > MAX_PERIOD_DAYS) {
      throw Refusal.invalidField("days", "foi.reasons.days-range", MAX_PERIOD_DAYS);
    }
    take(
        id,
        Step.REQUEST_REASONS,
        on,
        "on",
        actor,
        "foi.reasons.requested",
        (r, h, day, now) -> {
          long letter =
              letter(
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
    take(
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
    take(
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
              letter(
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

  /**
   * Art. 32, 34: consults a third party or another agency; the clock stops from the letter until
   * the answer, for at most their 15 working days from its receipt. Refused once the answer period
   * has ended, like an extension.
   */
  void consult(
      long id,
      String party,
      ConsultedParty kind,
      DeliveryChannel channel,
      StepDates.StepDate on,
      Staff actor) {
    if (party == null || party.isBlank()) {
      throw Refusal.invalidField("party", "foi.consultation.party-required");
    }
    ConsultedParty consulted = kind == null ? ConsultedParty.THIRD_PARTY : kind;
    DeliveryChannel via = channel == null ? DeliveryChannel.POST : channel;
    take(
        id,
        Step.CONSULT,
        on,
        "sentOn",
        actor,
        "foi.consultation.sent",
        (r, h, day, now) -> {
          requireWithinPeriod(h, day, "sentOn", "foi.consultation.after-deadline");
          long letter =
              letter(
                  r,
                  Letters.Kind.interim(
                      consulted == ConsultedParty.AGENCY
                          ? LetterKind.AGENCY_CONSULTATION_LETTER
                          : LetterKind.CONSULTATION_LETTER),
                  party.strip(),
                  Map.of(
                      "party",
                      party.strip(),
                      "days",
                      String.valueOf(DeadlineCalculator.CONSULTATION_DAYS),
                      "answerBy",
                      letters.format(
                          ledger
                              .days()
                              .addWorkingDays(
                                  ledger.deliveryRules().deemed(via, day),
                                  DeadlineCalculator.CONSULTATION_DAYS))),
                  day,
                  actor,
                  now);
          return List.of(
              event(EventKind.CONSULTATION_SENT, day, actor, now)
                  .detail(party.strip())
                  .party(consulted)
                  .letter(letter)
                  .channel(via));
        });
  }

  void recordConsultationAnswer(long id, String summary, StepDates.StepDate on, Staff actor) {
    take(
        id,
        Step.RECORD_CONSULTATION_ANSWER,
        on,
        "answeredOn",
        actor,
        "foi.consultation.answered",
        (r, h, day, now) ->
            List.of(
                event(EventKind.CONSULTATION_ANSWERED, day, actor, now)
                    .detail(blankToNull(summary))));
  }

  /**
   * Art. 33 ¶2: once, decided before the deadline has passed, at most 20 working days, with
   * approver and reason.
   */
  void extend(
      long id, int days, String approver, String reason, StepDates.StepDate on, Staff actor) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (days < 1 || days > DeadlineCalculator.BASE_DAYS) {
      problems.add(
          new Refusal.FieldProblem(
              "days", "foi.extension.days-range", DeadlineCalculator.BASE_DAYS));
    }
    if (approver == null || approver.isBlank()) {
      problems.add(new Refusal.FieldProblem("approver", "foi.extension.approver-required"));
    }
    if (reason == null || reason.isBlank()) {
      problems.add(new Refusal.FieldProblem("reason", "foi.extension.reason-required"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    take(
        id,
        Step.EXTEND,
        on,
        "on",
        actor,
        "foi.extended",
        (r, h, day, now) -> {
          requireWithinPeriod(h, day, "on", "foi.extension.after-deadline");
          RequestEvent extended =
              event(EventKind.EXTENDED, day, actor, now)
                  .days(days)
                  .approver(approver.strip())
                  .detail(reason.strip())
                  .channel(r.deliveryChannel());
          LocalDate newDue = ledger.replay(append(requests.events(r.id()), extended)).dueOn();
          long letter =
              letter(
                  r,
                  Letters.Kind.interim(LetterKind.EXTENSION_NOTICE),
                  r.applicantName(),
                  Map.of(
                      "days",
                      String.valueOf(days),
                      "reason",
                      reason.strip(),
                      "newDueOn",
                      letters.format(newDue)),
                  day,
                  actor,
                  now);
          return List.of(extended.letter(letter));
        });
  }

  /**
   * The fee notice: per application or per page, never both; payable within 20 working days of its
   * receipt. Sent within the answer period (信息处理费管理办法), so refused once it has ended.
   */
  void notifyFee(
      long id,
      FeeCalculator.Method method,
      Integer pages,
      String payment,
      StepDates.StepDate on,
      Staff actor) {
    if (method == null) {
      throw Refusal.invalidField("method", "foi.fee.method-required");
    }
    if (method == FeeCalculator.Method.PER_PAGE && (pages == null || pages < 1)) {
      throw Refusal.invalidField("pages", "foi.fee.pages-required");
    }
    take(
        id,
        Step.NOTIFY_FEE,
        on,
        "on",
        actor,
        "foi.fee.notified",
        (r, h, day, now) -> {
          requireWithinPeriod(h, day, "on", "foi.fee.after-deadline");
          BigDecimal amount =
              method == FeeCalculator.Method.PER_PAGE
                  ? FeeCalculator.perPage(pages)
                  : FeeCalculator.perApplication(requests.ordinalInMonth(r));
          if (amount.signum() == 0) {
            throw Refusal.conflict("foi.fee.nothing-due");
          }
          String rate =
              letters.text(
                  "foi.fee.rate." + method.name(), pages == null ? "" : String.valueOf(pages));
          long letter =
              letter(
                  r,
                  Letters.Kind.interim(LetterKind.FEE_NOTICE),
                  r.applicantName(),
                  Map.of(
                      "amount",
                      amount.toPlainString(),
                      "rate",
                      rate,
                      "payment",
                      payment == null || payment.isBlank()
                          ? letters.text("foi.fee.payment.default")
                          : payment.strip(),
                      "days",
                      String.valueOf(RequestHistory.FEE_PAYMENT_DAYS)),
                  day,
                  actor,
                  now);
          return List.of(
              event(EventKind.FEE_NOTIFIED, day, actor, now)
                  .detail(method.name())
                  .days(pages)
                  .amount(amount)
                  .letter(letter)
                  .channel(r.deliveryChannel()));
        });
  }

  void recordPayment(long id, StepDates.StepDate on, Staff actor) {
    take(
        id,
        Step.RECORD_PAYMENT,
        on,
        "paidOn",
        actor,
        "foi.fee.paid",
        (r, h, day, now) -> List.of(event(EventKind.FEE_PAID, day, actor, now)));
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
    take(
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
              letter(
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
    take(
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
    take(
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

  // ---- the shape every step has ----

  private void take(
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
  private static void requireWithinPeriod(
      RequestHistory h, LocalDate day, String field, String messageKey) {
    LocalDate due = h.dueOn();
    if (due != null && day.isAfter(due)) {
      throw Refusal.conflictOn(field, messageKey, String.valueOf(due));
    }
  }

  private long letter(
      RequestRow r,
      Letters.Kind kind,
      String recipient,
      Map<String, String> values,
      LocalDate on,
      Staff actor,
      Instant now) {
    return issuer.issue(r, kind, recipient, values, on, actor.username(), now);
  }

  private static RequestEvent event(EventKind kind, LocalDate on, Staff actor, Instant now) {
    return RequestEvent.of(kind, on, actor.username(), now);
  }

  private static List<RequestEvent> append(List<RequestEvent> history, RequestEvent next) {
    List<RequestEvent> all = new ArrayList<>(history);
    all.add(next);
    return all;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
