package org.gongkai.foi.internal;

import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.Application;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff API for handling information requests: every step, each taking effect on the date given
 * ({@code on}, {@code sentOn}, {@code answeredOn} …, today when absent). Each answers with the
 * request as it now stands, including {@code allowedSteps}.
 */
@RestController
@RequestMapping("/api/v1/admin/foi")
class RequestAdminApi {

  private final RequestIntake intake;
  private final RequestCommands commands;
  private final ClarificationSteps clarification;
  private final RequestQueries queries;
  private final RequestFiles files;
  private final CatalogHandOver handOver;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  RequestAdminApi(
      RequestIntake intake,
      RequestCommands commands,
      ClarificationSteps clarification,
      RequestQueries queries,
      RequestFiles files,
      CatalogHandOver handOver,
      StaffAccess access,
      AgencyDirectory agencies) {
    this.intake = intake;
    this.commands = commands;
    this.clarification = clarification;
    this.queries = queries;
    this.files = files;
    this.handOver = handOver;
    this.access = access;
    this.agencies = agencies;
  }

  record Registration(LocalDate receivedOn) {}

  record Assignment(Long assignee) {}

  // Every dated step also takes lateReason and proof: a step dated on or before a deadline that had
  // passed when it is recorded needs both (StepDates).

  record SupplementRequest(
      String items, Integer days, LocalDate on, String lateReason, String proof) {}

  record DateStep(LocalDate on, String lateReason, String proof) {}

  record TextStep(String text, Integer days, LocalDate on, String lateReason, String proof) {}

  record Period(LocalDate until, String reason, LocalDate on, String lateReason, String proof) {}

  record Reply(
      Outcome outcome, String explanation, LocalDate on, String lateReason, String proof) {}

  record Delivery(
      Long letter,
      DeliveryChannel method,
      LocalDate deliveredOn,
      String lateReason,
      String proof) {}

  /**
   * A reopening; after an answer, on a decision ({@code decision}, its reference) ordering a new
   * answer within {@code days} working days or by {@code until}.
   */
  record Reopening(
      String reason,
      String decision,
      Integer days,
      LocalDate until,
      LocalDate on,
      String lateReason,
      String proof) {}

  record Proof(String proof, String name) {}

  record Entry(@Valid Application application, IntakeChannel channel, LocalDate receivedOn) {}

  @GetMapping("/requests")
  PageResult<Views.Summary> list(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) RequestState state,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) Boolean mine,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Long agencyId =
        agency == null || agency.isBlank()
            ? null
            : agencies
                .findByCode(agency.trim())
                .orElseThrow(() -> Refusal.notFound("agency.not-found"))
                .id();
    int perPage = PageResult.clampSize(size, 20, 200);
    return queries.list(
        new RequestQueries.Filter(agencyId, state, due, Boolean.TRUE.equals(mine), q),
        PageResult.page(page, perPage),
        perPage,
        access.current());
  }

  @PostMapping("/requests")
  @ResponseStatus(HttpStatus.CREATED)
  Acknowledgement enter(@Valid @RequestBody Entry entry) {
    if (entry.application() == null || entry.channel() == null) {
      throw Refusal.invalidField("channel", "foi.channel.required");
    }
    return intake.enter(
        entry.application(), entry.channel(), entry.receivedOn(), null, access.current());
  }

  /**
   * The request, personal data masked; with {@code reveal=true} in full, for the permitted, and
   * recorded.
   */
  @GetMapping("/requests/{id}")
  Views.RequestView get(@PathVariable long id, @RequestParam(required = false) boolean reveal) {
    return reveal ? queries.revealed(id, access.current()) : queries.view(id, access.current());
  }

  @PostMapping("/requests/{id}/register")
  Views.RequestView register(
      @PathVariable long id, @RequestBody(required = false) Registration body) {
    commands.register(
        id,
        body == null || body.receivedOn() == null ? queries.today() : body.receivedOn(),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/assign")
  Views.RequestView assign(@PathVariable long id, @RequestBody Assignment body) {
    if (body.assignee() == null) {
      throw Refusal.invalidField("assignee", "foi.assignee.invalid");
    }
    commands.assign(id, body.assignee(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/supplement-request")
  Views.RequestView supplementRequest(@PathVariable long id, @RequestBody SupplementRequest body) {
    clarification.requestSupplement(
        id,
        body.items(),
        body.days(),
        date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/supplement-received")
  Views.RequestView supplementReceived(
      @PathVariable long id, @RequestBody(required = false) DateStep body) {
    clarification.recordSupplement(id, date(body), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reasons-request")
  Views.RequestView reasonsRequest(@PathVariable long id, @RequestBody TextStep body) {
    clarification.requestReasons(
        id,
        body.text(),
        body.days(),
        date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reasons-received")
  Views.RequestView reasonsReceived(
      @PathVariable long id, @RequestBody(required = false) TextStep body) {
    clarification.recordReasons(
        id,
        body == null ? null : body.text(),
        body == null
            ? StepDates.StepDate.on(null)
            : date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/period")
  Views.RequestView period(@PathVariable long id, @RequestBody Period body) {
    clarification.setPeriod(
        id,
        body.until(),
        body.reason(),
        date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reply")
  Views.RequestView reply(@PathVariable long id, @RequestBody Reply body) {
    commands.reply(
        id,
        body.outcome(),
        body.explanation(),
        date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/delivery")
  Views.RequestView delivery(@PathVariable long id, @RequestBody Delivery body) {
    commands.recordDelivery(
        id,
        body.letter(),
        body.method(),
        date(body.deliveredOn(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reopen")
  Views.RequestView reopen(@PathVariable long id, @RequestBody Reopening body) {
    commands.reopen(
        id,
        body.reason(),
        body.decision(),
        body.days(),
        body.until(),
        date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return get(id, false);
  }

  /**
   * Uploads the proof of a step's date (a postal receipt, a signed delivery slip: PDF, JPEG or PNG,
   * part {@code file}); the answer's {@code proof} is what a step then names.
   */
  @PostMapping(path = "/requests/{id}/proofs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Proof proof(
      @PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw Refusal.invalidField("file", "foi.proof.empty");
    }
    StepProofs.Proof stored =
        files.storeProof(id, file.getOriginalFilename(), file.getBytes(), access.current());
    return new Proof(stored.sha256(), stored.name());
  }

  static StepDates.StepDate date(DateStep body) {
    return body == null
        ? StepDates.StepDate.on(null)
        : date(body.on(), body.lateReason(), body.proof());
  }

  static StepDates.StepDate date(LocalDate on, String lateReason, String proof) {
    return new StepDates.StepDate(on, lateReason, proof);
  }

  record Publication(List<Long> requests, Long column, String title, String text) {}

  record Published(long document) {}

  /**
   * Art. 44: turns information disclosed on request into a proactive catalog draft, in one step.
   */
  @PostMapping("/publications")
  @ResponseStatus(HttpStatus.CREATED)
  Published publish(@RequestBody Publication body) {
    return new Published(
        handOver.publish(
            body.requests(), body.column(), body.title(), body.text(), access.current()));
  }
}
