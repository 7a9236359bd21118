package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.Application;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;
import org.gongkai.shared.ids.TrackingCodes;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The information-request workflow. Every command locks the request, checks the actor's agency
 * and the request's state, records the step in the request's history and the audit trail, and
 * re-derives the due date from the history; a refused command changes nothing.
 */
@Service
class FoiService implements org.gongkai.foi.InformationRequests {

  static final int SUPPLEMENT_WINDOW_DAYS = 7;
  static final int CONSULTATION_DAYS = 15;
  static final int FEE_PAYMENT_DAYS = 20;
  static final int DUE_SOON_DAYS = 5;

  private final RequestRepository requests;
  private final TrackingCodes codes;
  private final IdCopies idCopies;
  private final ReplyLetters letters;
  private final ApplicantMail mail;
  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final DeadlineCalculator calculator;

  FoiService(RequestRepository requests, TrackingCodes codes, IdCopies idCopies, ReplyLetters letters, ApplicantMail mail,
      AgencyDirectory agencies, Accounts accounts, StaffAccess access, AuditTrail audit, WorkingCalendar calendar,
      TransactionTemplate transactions, Clock clock,
      @Value("${gongkai.foi.fee-pauses-clock:true}") boolean feePausesClock) {
    this.requests = requests;
    this.codes = codes;
    this.idCopies = idCopies;
    this.letters = letters;
    this.mail = mail;
    this.agencies = agencies;
    this.accounts = accounts;
    this.access = access;
    this.audit = audit;
    this.calendar = calendar;
    this.transactions = transactions;
    this.clock = clock;
    this.calculator = new DeadlineCalculator(feePausesClock);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- intake ----

  /** An uploaded copy of the applicant's identity document. */
  record Upload(String fileName, String contentType, byte[] content) {}

  /**
   * Stores a public application and answers only once it is committed. The same idempotency key
   * answers with the same request; reusing a key for a different application is refused.
   */
  Acknowledgement submit(Application form, String idempotencyKey, Upload idCopy) {
    return intake(form, idempotencyKey, idCopy, IntakeChannel.ONLINE, null, null);
  }

  /** Staff enter an application that came by post, fax or in person; it is registered at once. */
  @Override
  public Acknowledgement enter(Application form, IntakeChannel channel, LocalDate receivedOn, Staff actor) {
    return enter(form, channel, receivedOn, null, actor);
  }

  @Override
  public long idOf(String trackingCode) {
    return requests.findByTrackingCode(trackingCode).map(RequestRow::id)
        .orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
  }

  @Override
  public Workload workload(Staff actor) {
    var page = 1;
    return new Workload(list(new Filter(null, null, "open", false, null), page, 1, actor).total(),
        list(new Filter(null, null, "soon", false, null), page, 1, actor).total(),
        list(new Filter(null, null, "overdue", false, null), page, 1, actor).total());
  }

  Acknowledgement enter(Application form, IntakeChannel channel, LocalDate receivedOn, Upload idCopy, Staff actor) {
    Agency agency = agencyOf(form);
    access.requireAgency(actor, agency.id());
    checkReceivedOn(receivedOn, null);
    return intake(form, null, idCopy, channel, receivedOn, actor);
  }

  private Acknowledgement intake(Application form, String idempotencyKey, Upload idCopy, IntakeChannel channel,
      LocalDate receivedOn, Staff actor) {
    Agency agency = agencyOf(form);
    String idNumber = checkedApplicant(form);
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
    if (key != null && key.length() > 100) {
      throw Refusal.invalidField("Idempotency-Key", "foi.idempotency-key.too-long");
    }
    String fingerprint = fingerprint(form, idNumber);
    if (key != null) {
      var earlier = requests.findByIdempotencyKey(key);
      if (earlier.isPresent()) {
        return replay(earlier.get(), fingerprint);
      }
    }
    RequestRepository.IdCopy copy = idCopy == null ? null : idCopies.store(idCopy);
    for (int attempt = 0; ; attempt++) {
      String code = codes.newCode("Y");
      try {
        transactions.executeWithoutResult(tx -> {
          Instant now = Instant.now(clock);
          RequestState state = receivedOn == null ? RequestState.SUBMITTED : RequestState.OPEN;
          long id = requests.insert(new RequestRepository.NewRequest(agency.id(), code, key, fingerprint, channel, form,
              idNumber, copy, state, now));
          String who = actor == null ? "public" : actor.username();
          requests.addEvent(id, EventKind.SUBMITTED, LocalDate.ofInstant(now, clock.getZone()), null, null,
              channel.name(), who, now);
          audit.record(who, "foi.submitted", "foi-request", id, code);
          if (receivedOn != null) {
            register(id, receivedOn, actor, now);
          }
        });
        Acknowledgement ack = new Acknowledgement(code, codes.secretFor(code));
        mail.acknowledge(form.getEmail(), agency.name(), ack);
        return ack;
      } catch (DuplicateKeyException clash) {
        if (key != null) {
          var earlier = requests.findByIdempotencyKey(key);
          if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
          }
        }
        if (attempt >= 5) {
          throw clash;
        }
      }
    }
  }

  private Acknowledgement replay(RequestRepository.KeyedRequest earlier, String fingerprint) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw Refusal.conflict("foi.idempotency-key.reused");
    }
    return new Acknowledgement(earlier.trackingCode(), codes.secretFor(earlier.trackingCode()));
  }

  private Agency agencyOf(Application form) {
    return agencies.findByCode(form.getAgency() == null ? "" : form.getAgency().trim())
        .orElseThrow(() -> Refusal.invalidField("agency", "foi.agency.unknown"));
  }

  /** Checks what the annotations cannot: identity numbers, the pairing of type and document, a way to reach the applicant. */
  private static String checkedApplicant(Application form) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    String idNumber = form.getIdNumber() == null ? "" : form.getIdNumber().trim().toUpperCase(java.util.Locale.ROOT);
    if (form.getIdType() == IdType.RESIDENT_ID && !ResidentIds.isValid(idNumber)) {
      problems.add(new Refusal.FieldProblem("idNumber", "foi.id-number.resident-invalid"));
    }
    if (form.getIdType() == IdType.USCC) {
      idNumber = OrganizationCodes.normalize(idNumber);
      if (!OrganizationCodes.isValidCreditCode(idNumber)) {
        problems.add(new Refusal.FieldProblem("idNumber", "foi.id-number.uscc-invalid"));
      }
    }
    if (form.getApplicantType() != null && form.getIdType() != null) {
      boolean organization = form.getApplicantType().isOrganization();
      if (organization != (form.getIdType() == IdType.USCC || form.getIdType() == IdType.OTHER)) {
        problems.add(new Refusal.FieldProblem("idType", organization ? "foi.id-type.organization" : "foi.id-type.person"));
      }
    }
    boolean anyContact = notBlank(form.getPhone()) || notBlank(form.getEmail()) || notBlank(form.getAddress());
    if (!anyContact) {
      problems.add(new Refusal.FieldProblem("phone", "foi.contact.required"));
    }
    if (form.getDeliveryChannel() == DeliveryChannel.EMAIL && !notBlank(form.getEmail())) {
      problems.add(new Refusal.FieldProblem("email", "foi.email.required-for-delivery"));
    }
    if (form.getDeliveryChannel() == DeliveryChannel.POST && !notBlank(form.getAddress())) {
      problems.add(new Refusal.FieldProblem("address", "foi.address.required-for-delivery"));
    }
    if (notBlank(form.getPhone()) && !form.getPhone().trim().matches("[0-9+()\\- ]{5,40}")) {
      problems.add(new Refusal.FieldProblem("phone", "foi.phone.invalid"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return idNumber;
  }

  private static String fingerprint(Application f, String idNumber) {
    String joined = String.join("\u0000", f.getAgency(), String.valueOf(f.getApplicantType()), f.getName(),
        String.valueOf(f.getIdType()), idNumber, nz(f.getPhone()), nz(f.getEmail()), nz(f.getAddress()),
        nz(f.getTitle()), nz(f.getDocNumber()), f.getDescription(), nz(f.getPurpose()),
        String.valueOf(f.getInformationForm()), String.valueOf(f.getDeliveryChannel()));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- public status ----

  Views.PublicStatus status(String trackingCode, String secret) {
    RequestRow r = requests.findByTrackingCode(trackingCode == null ? "" : trackingCode.trim().toUpperCase(java.util.Locale.ROOT))
        .filter(row -> codes.matches(row.trackingCode(), secret))
        .orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    Agency agency = agencies.get(r.agencyId());
    List<RequestEvent> history = requests.events(r.id());
    Deadline deadline = calculator.compute(history, calendar.current(), today());
    List<Views.PublicStep> steps = history.stream().filter(e -> e.kind().isPublic())
        .map(e -> new Views.PublicStep(e.kind().name(), e.effectiveOn() != null ? e.effectiveOn()
            : LocalDate.ofInstant(e.recordedAt(), clock.getZone()), e.untilOn()))
        .toList();
    boolean replied = r.state().isConcluded();
    return new Views.PublicStatus(r.trackingCode(), agency.code(), agency.name(), r.state(), r.submittedAt(),
        r.receivedOn(), replied ? null : deadline.dueOn(), deadline, replied ? r.outcome() : null,
        replied ? r.concludedOn() : null, replied ? r.replyDetail() : null, r.deliveredOn(), steps);
  }

  // ---- staff: reading ----

  record Filter(Long agencyId, RequestState state, String due, boolean mine, String q) {}

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
    if ("overdue".equals(filter.due()) || "soon".equals(filter.due())) {
      where.append(" AND state IN ('OPEN', 'CONSULTING', 'AWAITING_FEE') AND due_on IS NOT NULL");
      if ("overdue".equals(filter.due())) {
        where.append(" AND due_on < :today");
        params.put("today", today());
      } else {
        where.append(" AND due_on >= :today AND due_on <= :soon");
        params.put("today", today());
        params.put("soon", calendar.current().addWorkingDays(today(), DUE_SOON_DAYS));
      }
    } else if ("open".equals(filter.due())) {
      where.append(" AND state NOT IN ('REPLIED', 'CLOSED')");
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      where.append(" AND (tracking_code = :code OR LOWER(description) LIKE :q OR LOWER(info_title) LIKE :q)");
      params.put("code", filter.q().trim().toUpperCase(java.util.Locale.ROOT));
      params.put("q", "%" + filter.q().trim().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
    }
    long total = requests.count(scope, where.toString(), params);
    WorkingDays days = calendar.current();
    List<Views.Summary> items = requests.list(scope, where.toString(), params, (page - 1) * size, size).stream()
        .map(r -> new Views.Summary(r.id(), r.trackingCode(), agencies.get(r.agencyId()).name(), r.state(),
            sees(actor, r) ? r.applicantName() : PersonalData.name(r.applicantName()), abbreviate(r.description()),
            r.receivedOn(), r.state().clockRuns() ? r.dueOn() : null, daysLeft(r, days), assigneeName(r.assigneeId()),
            r.outcome()))
        .toList();
    return new PageResult<>(items, total, page, size);
  }

  Views.RequestView view(long id, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return view(r, actor);
  }

  private Views.RequestView view(RequestRow r, Staff actor) {
    Agency agency = agencies.get(r.agencyId());
    List<RequestEvent> history = requests.events(r.id());
    WorkingDays days = calendar.current();
    Deadline deadline = calculator.compute(history, days, today());
    boolean full = sees(actor, r);
    Views.Applicant applicant = full
        ? new Views.Applicant(r.applicantType(), r.applicantName(), r.idType(), r.idNumber(), r.phone(), r.email(),
            r.address(), false)
        : new Views.Applicant(r.applicantType(), PersonalData.name(r.applicantName()), r.idType(),
            PersonalData.idNumber(r.idNumber()), PersonalData.phone(r.phone()), PersonalData.email(r.email()),
            PersonalData.address(r.address()), true);
    List<Views.HistoryEntry> entries = history.stream()
        .map(e -> new Views.HistoryEntry(e.kind().name(), e.effectiveOn(), e.untilOn(), e.days(), e.detail(), e.actor(),
            e.recordedAt()))
        .toList();
    return new Views.RequestView(r.id(), r.trackingCode(), agency.code(), agency.name(), r.state(), r.intakeChannel(),
        applicant, r.infoTitle(), r.infoDocNumber(), r.description(), r.purpose(), r.informationForm(),
        r.deliveryChannel(), r.idCopySha256() != null, r.submittedAt(), r.receivedOn(), deadline.dueOn(),
        daysLeft(r, days), deadline, r.assigneeId(), assigneeName(r.assigneeId()), r.outcome(), r.concludedOn(),
        r.replyDetail(), r.deliveredOn(), r.deliveryMethod(),
        r.feeMethod() == null ? null : new Views.Fee(r.feeMethod(), r.feeAmount()), entries);
  }

  /** Personal data is for the member of staff the request is assigned to. */
  private static boolean sees(Staff actor, RequestRow r) {
    return r.assigneeId() != null && r.assigneeId() == actor.id();
  }

  private Integer daysLeft(RequestRow r, WorkingDays days) {
    if (r.dueOn() == null || !r.state().clockRuns()) {
      return null;
    }
    LocalDate today = today();
    if (!r.dueOn().isBefore(today)) {
      return days.workingDaysBetween(today, r.dueOn());
    }
    return -Math.max(1, days.workingDaysBetween(r.dueOn(), today));
  }

  private String assigneeName(Long id) {
    return id == null ? null : accounts.find(id).map(Staff::displayName).orElse(null);
  }

  IdCopies.Stored idCopy(long id, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    if (!sees(actor, r) || r.idCopySha256() == null) {
      throw Refusal.forbidden("foi.personal-data.assignee-only");
    }
    transactions.executeWithoutResult(tx -> {
      requests.addEvent(r.id(), EventKind.PERSONAL_DATA_VIEWED, null, null, null, "id-copy", actor.username(), Instant.now(clock));
      audit.record(actor.username(), "foi.id-copy.viewed", "foi-request", r.id(), null);
    });
    return idCopies.open(r.idCopySha256(), r.idCopyName(), r.idCopyType());
  }

  // ---- staff: commands ----

  void register(long id, LocalDate receivedOn, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.SUBMITTED);
      checkReceivedOn(receivedOn, LocalDate.ofInstant(r.submittedAt(), clock.getZone()));
      register(r.id(), receivedOn, actor, Instant.now(clock));
    });
  }

  private void register(long id, LocalDate receivedOn, Staff actor, Instant now) {
    requests.setReceived(id, receivedOn);
    requests.updateState(id, RequestState.OPEN, now);
    requests.addEvent(id, EventKind.REGISTERED, receivedOn, null, null, null, actor.username(), now);
    audit.record(actor.username(), "foi.registered", "foi-request", id, receivedOn.toString());
    refreshDueDate(id);
  }

  private void checkReceivedOn(LocalDate receivedOn, LocalDate submittedOn) {
    if (receivedOn == null) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.required");
    }
    if (receivedOn.isAfter(today())) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.future");
    }
    if (submittedOn != null && receivedOn.isBefore(submittedOn)) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.before-submission");
    }
  }

  @Override
  public void assign(long id, long staffId, Staff actor) {
    inTransaction(id, actor, r -> {
      Staff assignee = accounts.find(staffId).filter(Staff::enabled)
          .filter(s -> access.mayWorkOn(s, r.agencyId()))
          .orElseThrow(() -> Refusal.invalidField("assignee", "foi.assignee.invalid"));
      requests.setAssignee(r.id(), assignee.id());
      record(r, EventKind.ASSIGNED, null, null, null, assignee.displayName(), actor, "foi.assigned");
    });
  }

  void requestSupplement(long id, String items, LocalDate until, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.OPEN);
      if (requests.events(r.id()).stream().anyMatch(e -> e.kind() == EventKind.SUPPLEMENT_REQUESTED)) {
        throw Refusal.conflict("foi.supplement.only-once");
      }
      WorkingDays days = calendar.current();
      LocalDate today = today();
      if (today.isAfter(days.addWorkingDays(r.receivedOn(), SUPPLEMENT_WINDOW_DAYS))) {
        throw Refusal.conflict("foi.supplement.too-late", SUPPLEMENT_WINDOW_DAYS);
      }
      if (items == null || items.isBlank()) {
        throw Refusal.invalidField("items", "foi.supplement.items-required");
      }
      LocalDate deadline = until == null ? days.addWorkingDays(today, 15) : until;
      if (!deadline.isAfter(today)) {
        throw Refusal.invalidField("until", "foi.supplement.until-future");
      }
      requests.updateState(r.id(), RequestState.AWAITING_SUPPLEMENT, Instant.now(clock));
      record(r, EventKind.SUPPLEMENT_REQUESTED, today, deadline, null, items.strip(), actor, "foi.supplement.requested");
    });
  }

  void supplementReceived(long id, LocalDate on, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.AWAITING_SUPPLEMENT);
      LocalDate day = on == null ? today() : on;
      if (day.isAfter(today())) {
        throw Refusal.invalidField("receivedOn", "foi.received-on.future");
      }
      requests.updateState(r.id(), RequestState.OPEN, Instant.now(clock));
      record(r, EventKind.SUPPLEMENT_RECEIVED, day, null, null, null, actor, "foi.supplement.received");
    });
  }

  @Override
  public void startConsultation(long id, String party, LocalDate sentOn, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.OPEN);
      if (party == null || party.isBlank()) {
        throw Refusal.invalidField("party", "foi.consultation.party-required");
      }
      LocalDate day = sentOn == null ? today() : sentOn;
      if (day.isAfter(today()) || day.isBefore(r.receivedOn())) {
        throw Refusal.invalidField("sentOn", "foi.consultation.date-invalid");
      }
      LocalDate answerBy = calendar.current().addWorkingDays(day, CONSULTATION_DAYS);
      requests.updateState(r.id(), RequestState.CONSULTING, Instant.now(clock));
      record(r, EventKind.CONSULTATION_SENT, day, answerBy, null, party.strip(), actor, "foi.consultation.sent");
    });
  }

  void consultationAnswered(long id, String summary, LocalDate answeredOn, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.CONSULTING);
      LocalDate day = answeredOn == null ? today() : answeredOn;
      LocalDate sent = requests.events(r.id()).stream().filter(e -> e.kind() == EventKind.CONSULTATION_SENT)
          .reduce((a, b) -> b).map(RequestEvent::effectiveOn).orElse(r.receivedOn());
      if (day.isAfter(today()) || day.isBefore(sent)) {
        throw Refusal.invalidField("answeredOn", "foi.consultation.date-invalid");
      }
      requests.updateState(r.id(), RequestState.OPEN, Instant.now(clock));
      record(r, EventKind.CONSULTATION_ANSWERED, day, null, null, blankToNull(summary), actor, "foi.consultation.answered");
    });
  }

  void extend(long id, int days, String approver, String reason, Staff actor) {
    inTransaction(id, actor, r -> {
      if (!r.state().clockRuns()) {
        throw Refusal.conflict("foi.request.wrong-state");
      }
      if (requests.events(r.id()).stream().anyMatch(e -> e.kind() == EventKind.EXTENDED)) {
        throw Refusal.conflict("foi.extension.only-once");
      }
      List<Refusal.FieldProblem> problems = new ArrayList<>();
      if (days < 1 || days > DeadlineCalculator.BASE_DAYS) {
        problems.add(new Refusal.FieldProblem("days", "foi.extension.days-range", DeadlineCalculator.BASE_DAYS));
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
      record(r, EventKind.EXTENDED, today(), null, days, approver.strip() + ": " + reason.strip(), actor, "foi.extended");
    });
  }

  void notifyFee(long id, FeeCalculator.Method method, Integer pages, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.OPEN);
      if (method == null) {
        throw Refusal.invalidField("method", "foi.fee.method-required");
      }
      if (r.feeMethod() != null) {
        throw Refusal.conflict("foi.fee.once");
      }
      BigDecimal amount;
      if (method == FeeCalculator.Method.PER_PAGE) {
        if (pages == null || pages < 1) {
          throw Refusal.invalidField("pages", "foi.fee.pages-required");
        }
        amount = FeeCalculator.perPage(pages);
      } else {
        amount = FeeCalculator.perApplication(requests.ordinalInMonth(r));
      }
      if (amount.signum() == 0) {
        throw Refusal.conflict("foi.fee.nothing-due");
      }
      LocalDate today = today();
      LocalDate payBy = calendar.current().addWorkingDays(today, FEE_PAYMENT_DAYS);
      requests.setFee(r.id(), method.name(), amount);
      requests.updateState(r.id(), RequestState.AWAITING_FEE, Instant.now(clock));
      record(r, EventKind.FEE_NOTIFIED, today, payBy, pages, method.name() + " " + amount.toPlainString(), actor,
          "foi.fee.notified");
    });
  }

  void feePaid(long id, LocalDate paidOn, Staff actor) {
    inTransaction(id, actor, r -> {
      requireState(r, RequestState.AWAITING_FEE);
      LocalDate day = paidOn == null ? today() : paidOn;
      if (day.isAfter(today())) {
        throw Refusal.invalidField("paidOn", "foi.received-on.future");
      }
      requests.updateState(r.id(), RequestState.OPEN, Instant.now(clock));
      record(r, EventKind.FEE_PAID, day, null, null, null, actor, "foi.fee.paid");
    });
  }

  ReplyLetters.Letter previewLetter(long id, Outcome outcome, String explanation, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    if (outcome == null) {
      throw Refusal.invalidField("outcome", "foi.outcome.required");
    }
    return letters.render(r, agencies.get(r.agencyId()), outcome, explanation, today());
  }

  @Override
  public void reply(long id, Outcome outcome, String explanation, Staff actor) {
    inTransaction(id, actor, r -> {
      if (!r.state().clockRuns()) {
        throw Refusal.conflict("foi.request.wrong-state");
      }
      if (r.state() != RequestState.OPEN) {
        throw Refusal.conflict("foi.reply.pending-step");
      }
      if (outcome == null || outcome.isAutomatic()) {
        throw Refusal.invalidField("outcome", "foi.outcome.required");
      }
      if (outcome != Outcome.DISCLOSED && (explanation == null || explanation.isBlank())) {
        throw Refusal.invalidField("explanation", "foi.reply.explanation-required");
      }
      conclude(r, RequestState.REPLIED, outcome, explanation, actor, EventKind.REPLIED);
    });
  }

  private void conclude(RequestRow r, RequestState state, Outcome outcome, String explanation, Staff actor, EventKind kind) {
    LocalDate today = today();
    ReplyLetters.Letter letter = letters.render(r, agencies.get(r.agencyId()), outcome, explanation, today);
    requests.conclude(r.id(), outcome, today, letter.asText());
    requests.updateState(r.id(), state, Instant.now(clock));
    record(r, kind, today, null, null, outcome.name(), actor, kind == EventKind.REPLIED ? "foi.replied" : "foi.closed");
  }

  void recordDelivery(long id, DeliveryChannel method, LocalDate on, Staff actor) {
    inTransaction(id, actor, r -> {
      if (!r.state().isConcluded()) {
        throw Refusal.conflict("foi.delivery.not-replied");
      }
      if (method == null) {
        throw Refusal.invalidField("method", "foi.delivery.method-required");
      }
      LocalDate day = on == null ? today() : on;
      if (day.isAfter(today()) || day.isBefore(r.concludedOn())) {
        throw Refusal.invalidField("deliveredOn", "foi.delivery.date-invalid");
      }
      requests.delivered(r.id(), method, day);
      record(r, EventKind.DELIVERED, day, null, null, method.name(), actor, "foi.delivered");
    });
  }

  void reopen(long id, String reason, Staff actor) {
    inTransaction(id, actor, r -> {
      if (!r.state().isConcluded()) {
        throw Refusal.conflict("foi.request.wrong-state");
      }
      if (reason == null || reason.isBlank()) {
        throw Refusal.invalidField("reason", "foi.reopen.reason-required");
      }
      requests.conclude(r.id(), null, null, null);
      requests.updateState(r.id(), RequestState.OPEN, Instant.now(clock));
      record(r, EventKind.REOPENED, today(), null, null, reason.strip(), actor, "foi.reopened");
    });
  }

  /** Records that the disclosed information went into the catalog as proactive disclosure (Art. 44). */
  void markPublished(List<Long> ids, long documentId, Staff actor) {
    for (long id : ids) {
      RequestRow r = requests.lock(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
      access.requireAgency(actor, r.agencyId());
      if (r.outcome() != Outcome.DISCLOSED && r.outcome() != Outcome.PARTLY_DISCLOSED) {
        throw Refusal.conflict("foi.publish.not-disclosed", r.trackingCode());
      }
      record(r, EventKind.PUBLISHED_TO_CATALOG, today(), null, null, "document " + documentId, actor, "foi.published");
    }
  }

  /** Closes requests whose supplement or fee deadline has passed; returns how many. */
  int closeLapsed(Staff system) {
    LocalDate today = today();
    int closed = 0;
    for (RequestRow candidate : requests.unconcluded()) {
      if (candidate.state() != RequestState.AWAITING_SUPPLEMENT && candidate.state() != RequestState.AWAITING_FEE) {
        continue;
      }
      Boolean done = transactions.execute(tx -> {
        RequestRow r = requests.lock(candidate.id()).orElseThrow();
        EventKind step = r.state() == RequestState.AWAITING_SUPPLEMENT ? EventKind.SUPPLEMENT_REQUESTED
            : r.state() == RequestState.AWAITING_FEE ? EventKind.FEE_NOTIFIED : null;
        if (step == null) {
          return false;
        }
        LocalDate until = requests.events(r.id()).stream().filter(e -> e.kind() == step).reduce((a, b) -> b)
            .map(RequestEvent::untilOn).orElse(null);
        if (until == null || !today.isAfter(until)) {
          return false;
        }
        Outcome outcome = step == EventKind.SUPPLEMENT_REQUESTED ? Outcome.OTHER_NO_SUPPLEMENT : Outcome.OTHER_FEE_UNPAID;
        conclude(r, RequestState.CLOSED, outcome, null, system, EventKind.CLOSED);
        return true;
      });
      if (Boolean.TRUE.equals(done)) {
        closed++;
      }
    }
    return closed;
  }

  /** Re-derives every open request's due date, logging each change, after the calendar changed. */
  int followCalendar(String actor) {
    return refreshDueDates(actor, true);
  }

  /**
   * The daily refresh: a paused request's due date is projected from today and so moves every day
   * without anything having happened, which is not worth a line in its history.
   */
  int refreshDueDates() {
    return refreshDueDates("system", false);
  }

  private int refreshDueDates(String actor, boolean logChanges) {
    int moved = 0;
    for (RequestRow candidate : requests.unconcluded()) {
      Boolean changed = transactions.execute(tx -> {
        RequestRow r = requests.lock(candidate.id()).orElseThrow();
        LocalDate before = r.dueOn();
        LocalDate after = refreshDueDate(r.id());
        if (logChanges && before != null && after != null && !before.equals(after)) {
          requests.addEvent(r.id(), EventKind.DUE_DATE_CHANGED, after, before, null, "calendar", actor, Instant.now(clock));
          audit.record(actor, "foi.due-date.changed", "foi-request", r.id(), before + " -> " + after);
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

  private LocalDate refreshDueDate(long id) {
    Deadline deadline = calculator.compute(requests.events(id), calendar.current(), today());
    requests.setDueOn(id, deadline.dueOn());
    return deadline.dueOn();
  }

  private void record(RequestRow r, EventKind kind, LocalDate on, LocalDate until, Integer days, String detail,
      Staff actor, String action) {
    requests.addEvent(r.id(), kind, on, until, days, detail, actor.username(), Instant.now(clock));
    audit.record(actor.username(), action, "foi-request", r.id(), kind.name() + (on == null ? "" : " " + on));
    if (kind.isClockStep()) {
      refreshDueDate(r.id());
    }
  }

  private void inTransaction(long id, Staff actor, java.util.function.Consumer<RequestRow> command) {
    transactions.executeWithoutResult(tx -> {
      RequestRow r = requests.lock(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
      access.requireAgency(actor, r.agencyId());
      command.accept(r);
    });
  }

  private static void requireState(RequestRow r, RequestState expected) {
    if (r.state() != expected) {
      throw Refusal.conflict("foi.request.wrong-state");
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  /** An agency's own wording for a letter; the reviewer role decides what goes out in the agency's name. */
  void saveTemplate(String agencyCode, Outcome outcome, String body, Staff actor) {
    Agency agency = agencies.findByCode(agencyCode).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    access.requireReviewer(actor, agency.id());
    if (outcome == null) {
      throw Refusal.invalidField("outcome", "foi.outcome.required");
    }
    if (body != null && body.length() > 8000) {
      throw Refusal.invalidField("body", "field.too-long");
    }
    transactions.executeWithoutResult(tx -> {
      letters.saveTemplate(agency.id(), outcome, body, actor.username());
      audit.record(actor.username(), "foi.template.saved", "agency", agency.id(), outcome.name());
    });
  }
}
