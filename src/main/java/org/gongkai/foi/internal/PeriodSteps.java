package org.gongkai.foi.internal;

import static org.gongkai.foi.internal.HandlingSteps.blankToNull;
import static org.gongkai.foi.internal.HandlingSteps.event;
import static org.gongkai.foi.internal.HandlingSteps.requireWithinPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * The steps that stop or lengthen the answer period: a consultation (Art. 32, 34), an extension
 * (Art. 33) and a fee (信息处理费管理办法), each with what ends it.
 */
@Component
class PeriodSteps {

  private final HandlingSteps steps;
  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final Letters letters;

  PeriodSteps(
      HandlingSteps steps, RequestRepository requests, RequestLedger ledger, Letters letters) {
    this.steps = steps;
    this.requests = requests;
    this.ledger = ledger;
    this.letters = letters;
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
    steps.take(
        id,
        Step.CONSULT,
        on,
        "sentOn",
        actor,
        "foi.consultation.sent",
        (r, h, day, now) -> {
          requireWithinPeriod(h, day, "sentOn", "foi.consultation.after-deadline");
          long letter =
              steps.letter(
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
    steps.take(
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
    steps.take(
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
              steps.letter(
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
    steps.take(
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
              steps.letter(
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
    steps.take(
        id,
        Step.RECORD_PAYMENT,
        on,
        "paidOn",
        actor,
        "foi.fee.paid",
        (r, h, day, now) -> List.of(event(EventKind.FEE_PAID, day, actor, now)));
  }

  private static List<RequestEvent> append(List<RequestEvent> history, RequestEvent next) {
    List<RequestEvent> all = new ArrayList<>(history);
    all.add(next);
    return all;
  }
}
