package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.InformationRequests;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.ids.TrackingCodes;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the public and staff see of requests: the applicant's status page, the staff lists and the
 * request's page with its history, letters and the steps allowed now. Personal data is masked
 * everywhere; staff with the personal-data permission may open it in full, the identity copy and
 * the letters as sent, and every such view is recorded on the request and in the audit trail.
 */
@Service
class RequestQueries {

  static final int DUE_SOON_DAYS = 5;

  private final RequestRepository requests;
  private final LetterRepository letterRecords;
  private final RequestLedger ledger;
  private final TrackingCodes codes;
  private final IdCopies idCopies;
  private final StepProofs proofs;
  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  RequestQueries(
      RequestRepository requests,
      LetterRepository letterRecords,
      RequestLedger ledger,
      TrackingCodes codes,
      IdCopies idCopies,
      StepProofs proofs,
      AgencyDirectory agencies,
      Accounts accounts,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.requests = requests;
    this.letterRecords = letterRecords;
    this.ledger = ledger;
    this.codes = codes;
    this.idCopies = idCopies;
    this.proofs = proofs;
    this.agencies = agencies;
    this.accounts = accounts;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  LocalDate today() {
    return ledger.today();
  }

  /** The days after sending each channel's letters are deemed received, for the console's hint. */
  Map<String, Integer> deemedDays() {
    Map<String, Integer> days = new HashMap<>();
    for (DeliveryChannel c : DeliveryChannel.values()) {
      days.put(c.name(), ledger.deliveryRules().deemedDays(c));
    }
    return days;
  }

  long idOf(String trackingCode) {
    return requests
        .findByTrackingCode(trackingCode)
        .map(RequestRow::id)
        .orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
  }

  InformationRequests.Workload workload(Staff actor) {
    int page = 1;
    return new InformationRequests.Workload(
        list(new Filter(null, null, "open", false, null), page, 1, actor).total(),
        list(new Filter(null, null, "soon", false, null), page, 1, actor).total(),
        list(new Filter(null, null, "overdue", false, null), page, 1, actor).total());
  }

  Views.PublicStatus status(String trackingCode, String secret) {
    RequestRow r =
        requests
            .findByTrackingCode(
                trackingCode == null ? "" : trackingCode.trim().toUpperCase(Locale.ROOT))
            .filter(row -> codes.matches(row.trackingCode(), secret))
            .orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    Agency agency = agencies.get(r.agencyId());
    List<RequestEvent> events = requests.events(r.id());
    RequestHistory h = ledger.replay(events);
    List<Views.PublicStep> steps =
        events.stream()
            .filter(e -> e.kind().isPublic())
            .map(
                e ->
                    new Views.PublicStep(
                        e.kind().name(),
                        e.effectiveOn() != null
                            ? e.effectiveOn()
                            : LocalDate.ofInstant(e.recordedAt(), ledger.zone()),
                        e.untilOn()))
            .toList();
    boolean replied = h.isConcluded();
    RequestHistory.Delivery delivery =
        h.replyLetterId() == null ? null : h.deliveries().get(h.replyLetterId());
    return new Views.PublicStatus(
        r.trackingCode(),
        agency.code(),
        agency.name(),
        h.state(),
        r.submittedAt(),
        h.receivedOn(),
        replied ? null : h.dueOn(),
        h.deadline(),
        replied ? h.outcome() : null,
        replied ? h.concludedOn() : null,
        replied ? r.replyDetail() : null,
        delivery == null ? null : delivery.on(),
        steps);
  }

  /**
   * The staff list's filter and order: the nearest deadline first (the default), or the latest
   * received first.
   */
  record Filter(
      Long agencyId, RequestState state, String due, boolean mine, String q, Order order) {

    enum Order {
      DUE,
      RECEIVED
    }

    Filter {
      order = order == null ? Order.DUE : order;
    }

    Filter(Long agencyId, RequestState state, String due, boolean mine, String q) {
      this(agencyId, state, due, mine, q, Order.DUE);
    }
  }

  PageResult<Views.Summary> list(Filter filter, int page, int size, Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (filter.agencyId() != null) {
      access.requireAgency(actor, filter.agencyId());
      scope = Set.of(filter.agencyId());
    }
    if (scope.isEmpty()) {
      return new PageResult<>(List.of(), 0, page, size);
    }
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    if (filter.state() != null) {
      where.append(" AND state = :state");
      params.put("state", filter.state().name());
    }
    if (filter.mine()) {
      where.append(" AND assignee_id = :me");
      params.put("me", actor.id());
    }
    if ("overdue".equals(filter.due())) {
      where.append(" AND ").append(Step.OVERDUE_SQL);
      params.put("today", ledger.today());
    } else if ("soon".equals(filter.due())) {
      where.append(" AND ").append(Step.CLOCK_RUNS_SQL);
      where.append(" AND due_on >= :today AND due_on <= :soon");
      params.put("today", ledger.today());
      params.put("soon", ledger.days().addWorkingDays(ledger.today(), DUE_SOON_DAYS));
    } else if ("open".equals(filter.due())) {
      where.append(" AND state NOT IN ('REPLIED', 'CLOSED')");
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      where.append(
          " AND (tracking_code = :code OR LOWER(description) LIKE :q OR LOWER(info_title) LIKE :q)");
      params.put("code", filter.q().trim().toUpperCase(Locale.ROOT));
      params.put(
          "q",
          "%"
              + filter.q().trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_")
              + "%");
    }
    long total = requests.count(scope, where.toString(), params);
    WorkingDays days = ledger.days();
    String orderBy =
        filter.order() == Filter.Order.RECEIVED
            ? "CASE WHEN received_on IS NULL THEN 0 ELSE 1 END, received_on DESC, id DESC"
            : "CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id";
    List<Views.Summary> items =
        requests.list(scope, where.toString(), params, orderBy, (page - 1) * size, size).stream()
            .map(
                r ->
                    new Views.Summary(
                        r.id(),
                        r.trackingCode(),
                        agencies.get(r.agencyId()).name(),
                        r.state(),
                        PersonalData.name(r.applicantName()),
                        abbreviate(r.description()),
                        r.receivedOn(),
                        Step.clockRunsIn(r.state()) ? r.dueOn() : null,
                        daysLeft(r, days),
                        assigneeName(r.assigneeId()),
                        r.outcome()))
            .toList();
    return new PageResult<>(items, total, page, size);
  }

  /** The request's page, personal data masked. */
  Views.RequestView view(long id, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return view(r, false);
  }

  /**
   * The request's page with the applicant's personal data in full: for the permitted, and recorded.
   */
  Views.RequestView revealed(long id, Staff actor) {
    RequestRow r = personalData(id, actor, "record", "foi.personal-data.viewed");
    return view(r, true);
  }

  /** A letter of the request as it was sent, the applicant's name masked. */
  Letters.Letter letter(long id, long letterId, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return masked(r, storedLetter(r, letterId));
  }

  /** A letter exactly as it was sent, to print or send again: for the permitted, and recorded. */
  Letters.Letter letterAsSent(long id, long letterId, Staff actor) {
    RequestRow r = personalData(id, actor, "letter " + letterId, "foi.letter.opened");
    return storedLetter(r, letterId);
  }

  /**
   * A letter drafted for the request with the applicant's name masked, for staff without the
   * permission.
   */
  Letters.Letter masked(long id, Letters.Letter letter) {
    return masked(
        requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found")), letter);
  }

  /** Allows a draft letter to be printed in full: for the permitted, and recorded. */
  void printDraft(long id, Staff actor) {
    personalData(id, actor, "draft letter", "foi.letter.opened");
  }

  private Letters.Letter storedLetter(RequestRow r, long letterId) {
    return letterRecords
        .find(r.id(), letterId)
        .map(l -> Letters.Letter.parse(l.body()))
        .orElseThrow(() -> Refusal.notFound("foi.letter.not-found"));
  }

  private static Letters.Letter masked(RequestRow r, Letters.Letter letter) {
    return letter.masking(r.applicantName(), PersonalData.name(r.applicantName()));
  }

  /** Checks the permission and records the view on the request and in the audit trail. */
  private RequestRow personalData(long id, Staff actor, String what, String action) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    if (!actor.personalData()) {
      throw Refusal.forbidden("foi.personal-data.not-permitted");
    }
    transactions.executeWithoutResult(
        tx -> {
          requests.append(
              r.id(),
              RequestEvent.of(EventKind.PERSONAL_DATA_VIEWED, null, actor.username(), ledger.now())
                  .detail(what));
          audit.record(actor.username(), action, "foi-request", r.id(), what);
        });
    return r;
  }

  private Views.RequestView view(RequestRow r, boolean full) {
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
    Integer left = daysLeft(h, days);
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

  private Integer daysLeft(RequestRow r, WorkingDays days) {
    return daysLeft(r.dueOn(), Step.clockRunsIn(r.state()), days);
  }

  private Integer daysLeft(RequestHistory h, WorkingDays days) {
    return daysLeft(h.dueOn(), Step.clockRunsIn(h.state()), days);
  }

  private Integer daysLeft(LocalDate due, boolean running, WorkingDays days) {
    if (due == null || !running) {
      return null;
    }
    LocalDate today = ledger.today();
    if (!due.isBefore(today)) {
      return days.workingDaysBetween(today, due);
    }
    return -Math.max(1, days.workingDaysBetween(due, today));
  }

  private String assigneeName(Long id) {
    return id == null ? null : accounts.find(id).map(Staff::displayName).orElse(null);
  }

  /**
   * Keeps an uploaded proof of a step's date for the request, before the step names it; audited.
   */
  StepProofs.Proof storeProof(long id, String fileName, byte[] content, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return transactions.execute(
        tx -> {
          StepProofs.Proof proof =
              proofs.store(r.id(), fileName, content, actor.username(), ledger.now());
          audit.record(
              actor.username(), "foi.proof.uploaded", "foi-request", r.id(), proof.sha256());
          return proof;
        });
  }

  /**
   * The proof a step names, as uploaded: it shows the applicant's name and address, so it is for
   * the permitted, and the view is recorded.
   */
  StepProofs.Opened proof(long id, long eventId, Staff actor) {
    RequestRow existing =
        requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, existing.agencyId());
    String sha =
        requests.events(id).stream()
            .filter(e -> e.id() == eventId && e.proof() != null)
            .map(RequestEvent::proof)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("foi.proof.not-found"));
    RequestRow r = personalData(id, actor, "proof " + eventId, "foi.proof.viewed");
    return proofs.open(r.id(), sha);
  }

  IdCopies.Stored idCopy(long id, Staff actor) {
    RequestRow existing =
        requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    if (existing.idCopySha256() == null) {
      throw Refusal.notFound("foi.id-copy.missing");
    }
    RequestRow r = personalData(id, actor, "id-copy", "foi.id-copy.viewed");
    return idCopies.open(r.idCopySha256(), r.idCopyName(), r.idCopyType());
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
