package org.gongkai.foi.internal;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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
  private final RequestQueries queries;
  private final CatalogHandOver handOver;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  RequestAdminApi(
      RequestIntake intake,
      RequestCommands commands,
      RequestQueries queries,
      CatalogHandOver handOver,
      StaffAccess access,
      AgencyDirectory agencies) {
    this.intake = intake;
    this.commands = commands;
    this.queries = queries;
    this.handOver = handOver;
    this.access = access;
    this.agencies = agencies;
  }

  record Registration(LocalDate receivedOn) {}

  record Assignment(Long assignee) {}

  record SupplementRequest(String items, Integer days, LocalDate on) {}

  record DateStep(LocalDate on) {}

  record TextStep(String text, LocalDate on) {}

  record Period(LocalDate until, String reason, LocalDate on) {}

  record Consultation(String party, LocalDate sentOn) {}

  record ConsultationAnswer(String summary, LocalDate answeredOn) {}

  record Extension(Integer days, String approver, String reason, LocalDate on) {}

  record FeeNotice(FeeCalculator.Method method, Integer pages, String payment, LocalDate on) {}

  record Reply(Outcome outcome, String explanation, LocalDate on) {}

  record Delivery(Long letter, DeliveryChannel method, LocalDate deliveredOn) {}

  record Reopening(String reason) {}

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
    commands.requestSupplement(id, body.items(), body.days(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/supplement-received")
  Views.RequestView supplementReceived(
      @PathVariable long id, @RequestBody(required = false) DateStep body) {
    commands.recordSupplement(id, body == null ? null : body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reasons-request")
  Views.RequestView reasonsRequest(@PathVariable long id, @RequestBody TextStep body) {
    commands.requestReasons(id, body.text(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reasons-received")
  Views.RequestView reasonsReceived(
      @PathVariable long id, @RequestBody(required = false) TextStep body) {
    commands.recordReasons(
        id, body == null ? null : body.text(), body == null ? null : body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/period")
  Views.RequestView period(@PathVariable long id, @RequestBody Period body) {
    commands.setPeriod(id, body.until(), body.reason(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/consultation")
  Views.RequestView consult(@PathVariable long id, @RequestBody Consultation body) {
    commands.consult(id, body.party(), body.sentOn(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/consultation-answered")
  Views.RequestView consulted(
      @PathVariable long id, @RequestBody(required = false) ConsultationAnswer body) {
    commands.recordConsultationAnswer(
        id,
        body == null ? null : body.summary(),
        body == null ? null : body.answeredOn(),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/extension")
  Views.RequestView extend(@PathVariable long id, @RequestBody Extension body) {
    commands.extend(
        id,
        body.days() == null ? 0 : body.days(),
        body.approver(),
        body.reason(),
        body.on(),
        access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/fee-notice")
  Views.RequestView feeNotice(@PathVariable long id, @RequestBody FeeNotice body) {
    commands.notifyFee(
        id, body.method(), body.pages(), body.payment(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/fee-paid")
  Views.RequestView feePaid(@PathVariable long id, @RequestBody(required = false) DateStep body) {
    commands.recordPayment(id, body == null ? null : body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reply")
  Views.RequestView reply(@PathVariable long id, @RequestBody Reply body) {
    commands.reply(id, body.outcome(), body.explanation(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/delivery")
  Views.RequestView delivery(@PathVariable long id, @RequestBody Delivery body) {
    commands.recordDelivery(id, body.letter(), body.method(), body.deliveredOn(), access.current());
    return get(id, false);
  }

  @PostMapping("/requests/{id}/reopen")
  Views.RequestView reopen(@PathVariable long id, @RequestBody Reopening body) {
    commands.reopen(id, body.reason(), access.current());
    return get(id, false);
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
