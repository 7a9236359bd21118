package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the passing of days does to requests, one request per transaction: periods that lapse close
 * requests, consultations whose 15 working days are over let the clock run again, and a changed
 * calendar moves due dates (each move logged on its request).
 */
@Service
class RequestDays {

  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final LetterIssuer issuer;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  RequestDays(
      RequestRepository requests,
      RequestLedger ledger,
      LetterIssuer issuer,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.requests = requests;
    this.ledger = ledger;
    this.issuer = issuer;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * The daily run's closing: a request whose supplement period (Art. 30) or payment period (fee
   * measures) has passed is closed as （六）1 or （六）2, with its notice. Both periods run from the
   * notice's delivery, recorded or deemed by its channel, so a notice nobody recorded as delivered
   * still lapses.
   */
  int closeLapsed(Staff system) {
    LocalDate today = ledger.today();
    int closed = 0;
    for (long id : requests.unconcludedIds()) {
      Boolean done =
          transactions.execute(
              tx -> {
                RequestRow r = requests.lock(id).orElseThrow();
                RequestHistory h = ledger.history(r.id());
                Outcome outcome = null;
                if (h.state() == RequestState.AWAITING_SUPPLEMENT
                    && h.supplement() != null
                    && h.supplement().dueOn() != null
                    && today.isAfter(h.supplement().dueOn())) {
                  outcome = Outcome.OTHER_NO_SUPPLEMENT;
                } else if (h.state() == RequestState.AWAITING_FEE
                    && h.fee() != null
                    && h.fee().payBy() != null
                    && today.isAfter(h.fee().payBy())) {
                  outcome = Outcome.OTHER_FEE_UNPAID;
                }
                if (outcome == null) {
                  return false;
                }
                Instant now = ledger.now();
                long letter =
                    issuer.issue(
                        r,
                        Letters.Kind.reply(outcome),
                        r.applicantName(),
                        Map.of(),
                        today,
                        system.username(),
                        now);
                ledger.append(
                    r.id(),
                    List.of(
                        RequestEvent.of(EventKind.CLOSED, today, system.username(), now)
                            .outcome(outcome)
                            .letter(letter)
                            .channel(r.deliveryChannel())));
                audit.record(
                    system.username(), "foi.closed", "foi-request", r.id(), outcome.name());
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        closed++;
      }
    }
    return closed;
  }

  /**
   * Re-derives every open request's dates, logging each due date that moved, after the calendar
   * changed.
   */
  int followCalendar(String actor) {
    return refresh(actor, true);
  }

  /**
   * The daily refresh: a paused request's due date is projected from today and moves every day
   * without anything having happened, which is not worth a line in its history; a consultation
   * whose 15 days are over turns back into an open request.
   */
  int refreshDueDates() {
    return refresh("system", false);
  }

  private int refresh(String actor, boolean logChanges) {
    int moved = 0;
    for (long id : requests.unconcludedIds()) {
      Boolean changed =
          transactions.execute(
              tx -> {
                RequestRow r = requests.lock(id).orElseThrow();
                LocalDate before = r.dueOn();
                LocalDate after = ledger.project(r.id()).dueOn();
                if (logChanges && before != null && after != null && !before.equals(after)) {
                  requests.append(
                      r.id(),
                      RequestEvent.of(EventKind.DUE_DATE_CHANGED, after, actor, ledger.now())
                          .until(before)
                          .detail("calendar"));
                  audit.record(
                      actor,
                      "foi.due-date.changed",
                      "foi-request",
                      r.id(),
                      before + " -> " + after);
                  return true;
                }
                return false;
              });
      if (Boolean.TRUE.equals(changed)) {
        moved++;
      }
    }
    return moved;
  }
}
