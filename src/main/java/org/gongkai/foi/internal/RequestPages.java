package org.gongkai.foi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Deadline;
import org.gongkai.shared.privacy.PersonalData;
import org.springframework.stereotype.Component;

/**
 * A request's page for staff: the request, its history step by step with the due date as it stood,
 * its letters with their deliveries and the steps allowed now; personal data masked unless asked
 * for in full.
 */
@Component
class RequestPages {

  private final RequestRepository requests;
  private final LetterRepository letterRecords;
  private final RequestLedger ledger;
  private final AgencyDirectory agencies;
  private final Accounts accounts;

  RequestPages(
      RequestRepository requests,
      LetterRepository letterRecords,
      RequestLedger ledger,
      AgencyDirectory agencies,
      Accounts accounts) {
    this.requests = requests;
    this.letterRecords = letterRecords;
    this.ledger = ledger;
    this.agencies = agencies;
    this.accounts = accounts;
  }

  Views.RequestView view(RequestRow r, boolean full) {
    Agency agency = agencies.get(r.agencyId());
    List<RequestEvent> events = requests.events(r.id());
    WorkingDays days = ledger.days();
    RequestHistory h = ledger.replay(events);
    Deadline deadline = h.deadline();
    Views.Applicant applicant =
        full
            ? new Views.Applicant(
                r.applicantType(),
                r.applicantName(),
                r.idType(),
                r.idNumber(),
                r.phone(),
                r.email(),
                r.address(),
                false)
            : new Views.Applicant(
                r.applicantType(),
                PersonalData.name(r.applicantName()),
                r.idType(),
                PersonalData.idNumber(r.idNumber()),
                PersonalData.phone(r.phone()),
                PersonalData.email(r.email()),
                PersonalData.address(r.address()),
                true);
    // Each step with the due date as it stood once the step was taken: the request's story.
    List<Views.HistoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      RequestEvent e = events.get(i);
      RequestHistory upTo = i == events.size() - 1 ? h : ledger.replay(events.subList(0, i + 1));
      entries.add(
          new Views.HistoryEntry(
              e.id(),
              e.kind().name(),
              e.effectiveOn(),
              e.recordedOn(ledger.zone()),
              e.untilOn(),
              e.days(),
              e.detail(),
              e.actor(),
              e.recordedAt(),
              e.outcome(),
              e.amount(),
              e.letterId(),
              e.channel(),
              e.approver(),
              e.party(),
              e.reference(),
              e.lateReason(),
              e.proof() != null,
              Step.clockRunsIn(upTo.state()) ? upTo.dueOn() : null,
              upTo.state()));
    }
    List<Views.LetterView> sent =
        letterRecords.of(r.id()).stream()
            .map(
                l -> {
                  Optional<RequestHistory.Delivery> recorded =
                      Optional.ofNullable(h.deliveries().get(l.id()));
                  Optional<LetterDeliveries.Received> received = h.letters().received(l.id());
                  return new Views.LetterView(
                      l.id(),
                      l.kind().name(),
                      l.outcome(),
                      l.kind().toThirdParty() || full
                          ? l.recipient()
                          : PersonalData.name(l.recipient()),
                      l.issuedOn(),
                      h.letters().sent(l.id()).map(LetterDeliveries.Sent::channel).orElse(null),
                      recorded.map(RequestHistory.Delivery::channel).orElse(null),
                      recorded.map(RequestHistory.Delivery::on).orElse(null),
                      received.map(LetterDeliveries.Received::on).orElse(null),
                      received.map(LetterDeliveries.Received::deemed).orElse(false));
                })
            .toList();
    RequestHistory.Delivery delivery =
        h.replyLetterId() == null ? null : h.deliveries().get(h.replyLetterId());
    Integer left = ledger.daysLeft(h.dueOn(), Step.clockRunsIn(h.state()), days);
    return new Views.RequestView(
        r.id(),
        r.trackingCode(),
        agency.code(),
        agency.name(),
        h.state(),
        r.intakeChannel(),
        applicant,
        r.infoTitle(),
        r.infoDocNumber(),
        r.description(),
        r.purpose(),
        r.informationForm(),
        r.deliveryChannel(),
        r.idCopySha256() != null,
        r.submittedAt(),
        h.receivedOn(),
        deadline.dueOn(),
        left,
        deadline,
        r.assigneeId(),
        assigneeName(r.assigneeId()),
        h.outcome(),
        h.concludedOn(),
        r.replyDetail(),
        h.replyLetterId(),
        delivery == null ? null : delivery.on(),
        delivery == null ? null : delivery.channel(),
        h.fee() == null
            ? null
            : new Views.Fee(
                h.fee().method(),
                h.fee().amount(),
                h.fee().notifiedOn(),
                h.fee().deliveredOn(),
                h.fee().deliveryDeemed(),
                h.fee().payBy(),
                h.fee().paidOn()),
        h.supplement() == null ? null : h.supplement().dueOn(),
        h.consultation() == null
            ? null
            : new Views.ConsultationView(
                h.consultation().party(),
                h.consultation().kind(),
                h.consultation().sentOn(),
                h.consultation().receivedOn(),
                h.consultation().receiptDeemed(),
                h.consultation().answerBy(),
                h.consultation().answeredOn(),
                h.consultation().lapsed(),
                h.consultation().deemedConsent()),
        h.reasons() == null
            ? null
            : new Views.ReasonsView(
                h.reasons().requestedOn(),
                h.reasons().answerBy(),
                h.reasons().receivedOn(),
                h.reasons().lapsed()),
        h.extension() == null
            ? null
            : new Views.ExtensionView(
                h.extension().days(),
                h.extension().approver(),
                h.extension().reason(),
                h.extension().decidedOn()),
        h.reopening() == null
            ? null
            : new Views.ReopeningView(
                h.reopening().on(),
                h.reopening().reason(),
                h.reopening().decision(),
                h.reopening().days(),
                h.reopening().until()),
        h.recordedLate(),
        Step.allowed(h, days, ledger.today()).stream().map(Step::path).toList(),
        sent,
        entries);
  }

  /** The display name of a request's assignee, or null. */
  String assigneeName(Long id) {
    return id == null ? null : accounts.find(id).map(Staff::displayName).orElse(null);
  }
}
