package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.InformationRequests;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.ids.TrackingCodes;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;

/**
 * What the public and staff see of requests: the applicant's status page, the staff lists and the
 * request's page with its history, letters and the steps allowed now ({@link RequestPages}).
 * Personal data is masked everywhere; staff with the personal-data permission may open it in full,
 * the identity copy and the letters as sent ({@link RequestFiles}), and every such view is recorded
 * on the request and in the audit trail ({@link PersonalDataAccess}).
 */
@Service
class RequestQueries {

  static final int DUE_SOON_DAYS = 5;

  private final RequestRepository requests;
  private final LetterRepository letterRecords;
  private final RequestLedger ledger;
  private final TrackingCodes codes;
  private final RequestPages pages;
  private final PersonalDataAccess personalData;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  RequestQueries(
      RequestRepository requests,
      LetterRepository letterRecords,
      RequestLedger ledger,
      TrackingCodes codes,
      RequestPages pages,
      PersonalDataAccess personalData,
      AgencyDirectory agencies,
      StaffAccess access,
      ReplyEnclosures enclosures) {
    this.enclosures = enclosures;
    this.requests = requests;
    this.letterRecords = letterRecords;
    this.ledger = ledger;
    this.codes = codes;
    this.pages = pages;
    this.personalData = personalData;
    this.agencies = agencies;
    this.access = access;
  }

  private final ReplyEnclosures enclosures;

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
    RequestRow r = applicantsRequest(trackingCode, secret);
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
        steps,
        replied && ReplyEnclosures.provides(h.outcome()) ? enclosures.of(r.id()) : List.of());
  }

  /**
   * A file the reply provides, for the applicant who holds the tracking code and its secret, once
   * the reply is given.
   */
  ReplyEnclosures.EnclosureFile enclosure(String trackingCode, String secret, long workId) {
    RequestRow r = applicantsRequest(trackingCode, secret);
    RequestHistory h = ledger.replay(requests.events(r.id()));
    if (!h.isConcluded() || !ReplyEnclosures.provides(h.outcome())) {
      throw Refusal.notFound("foi.enclosure.not-found");
    }
    return enclosures.open(r.id(), workId);
  }

  private RequestRow applicantsRequest(String trackingCode, String secret) {
    return requests
        .findByTrackingCode(
            trackingCode == null ? "" : trackingCode.trim().toUpperCase(Locale.ROOT))
        .filter(row -> codes.matches(row.trackingCode(), secret))
        .orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
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
                        pages.assigneeName(r.assigneeId()),
                        r.outcome()))
            .toList();
    return new PageResult<>(items, total, page, size);
  }

  /** The request's page, personal data masked. */
  Views.RequestView view(long id, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return pages.view(r, false);
  }

  /**
   * The request's page with the applicant's personal data in full: for the permitted, and recorded.
   */
  Views.RequestView revealed(long id, Staff actor) {
    RequestRow r = personalData.open(id, actor, "record", "foi.personal-data.viewed");
    return pages.view(r, true);
  }

  /** A letter of the request as it was sent, the applicant's name masked. */
  Letters.Letter letter(long id, long letterId, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return masked(r, storedLetter(r, letterId));
  }

  /** A letter exactly as it was sent, to print or send again: for the permitted, and recorded. */
  Letters.Letter letterAsSent(long id, long letterId, Staff actor) {
    RequestRow r = personalData.open(id, actor, "letter " + letterId, "foi.letter.opened");
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
    personalData.open(id, actor, "draft letter", "foi.letter.opened");
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

  private Integer daysLeft(RequestRow r, WorkingDays days) {
    return ledger.daysLeft(r.dueOn(), Step.clockRunsIn(r.state()), days);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
