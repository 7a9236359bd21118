package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.Application;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.MonthlyStatistics;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff API for information requests: every step of handling, the letter, and the monthly statistics. */
@RestController
@RequestMapping("/api/v1/admin/foi")
class FoiAdminApi {

  private final FoiService service;
  private final JdbcFoiStatistics statistics;
  private final ReplyLetters letters;
  private final CatalogHandOver handOver;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  FoiAdminApi(FoiService service, JdbcFoiStatistics statistics, ReplyLetters letters, CatalogHandOver handOver,
      StaffAccess access, AgencyDirectory agencies) {
    this.handOver = handOver;
    this.service = service;
    this.statistics = statistics;
    this.letters = letters;
    this.access = access;
    this.agencies = agencies;
  }

  record Registration(LocalDate receivedOn) {}

  record Assignment(Long assignee) {}

  record SupplementRequest(String items, LocalDate until) {}

  record DateStep(LocalDate on) {}

  record Consultation(String party, LocalDate sentOn) {}

  record ConsultationAnswer(String summary, LocalDate answeredOn) {}

  record Extension(Integer days, String approver, String reason) {}

  record FeeNotice(FeeCalculator.Method method, Integer pages) {}

  record Reply(Outcome outcome, String explanation) {}

  record Delivery(DeliveryChannel method, LocalDate deliveredOn) {}

  record Reopening(String reason) {}

  record Entry(@Valid Application application, IntakeChannel channel, LocalDate receivedOn) {}

  @GetMapping("/requests")
  PageResult<Views.Summary> list(@RequestParam(required = false) String agency,
      @RequestParam(required = false) RequestState state, @RequestParam(required = false) String due,
      @RequestParam(required = false) Boolean mine, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Long agencyId = agency == null || agency.isBlank() ? null : agency(agency).id();
    return service.list(new FoiService.Filter(agencyId, state, due, Boolean.TRUE.equals(mine), q),
        PageResult.clampPage(page), PageResult.clampSize(size, 20, 200), access.current());
  }

  @PostMapping("/requests")
  @ResponseStatus(HttpStatus.CREATED)
  Acknowledgement enter(@Valid @RequestBody Entry entry) {
    if (entry.application() == null || entry.channel() == null) {
      throw Refusal.invalidField("channel", "foi.channel.required");
    }
    return service.enter(entry.application(), entry.channel(), entry.receivedOn(), null, access.current());
  }

  @GetMapping("/requests/{id}")
  Views.RequestView get(@PathVariable long id) {
    return service.view(id, access.current());
  }

  @PostMapping("/requests/{id}/register")
  Views.RequestView register(@PathVariable long id, @RequestBody(required = false) Registration body) {
    service.register(id, body == null || body.receivedOn() == null ? service.today() : body.receivedOn(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/assign")
  Views.RequestView assign(@PathVariable long id, @RequestBody Assignment body) {
    if (body.assignee() == null) {
      throw Refusal.invalidField("assignee", "foi.assignee.invalid");
    }
    service.assign(id, body.assignee(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/supplement-request")
  Views.RequestView supplementRequest(@PathVariable long id, @RequestBody SupplementRequest body) {
    service.requestSupplement(id, body.items(), body.until(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/supplement-received")
  Views.RequestView supplementReceived(@PathVariable long id, @RequestBody(required = false) DateStep body) {
    service.supplementReceived(id, body == null ? null : body.on(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/consultation")
  Views.RequestView consult(@PathVariable long id, @RequestBody Consultation body) {
    service.startConsultation(id, body.party(), body.sentOn(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/consultation-answered")
  Views.RequestView consulted(@PathVariable long id, @RequestBody(required = false) ConsultationAnswer body) {
    service.consultationAnswered(id, body == null ? null : body.summary(), body == null ? null : body.answeredOn(),
        access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/extension")
  Views.RequestView extend(@PathVariable long id, @RequestBody Extension body) {
    service.extend(id, body.days() == null ? 0 : body.days(), body.approver(), body.reason(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/fee-notice")
  Views.RequestView feeNotice(@PathVariable long id, @RequestBody FeeNotice body) {
    service.notifyFee(id, body.method(), body.pages(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/fee-paid")
  Views.RequestView feePaid(@PathVariable long id, @RequestBody(required = false) DateStep body) {
    service.feePaid(id, body == null ? null : body.on(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/reply")
  Views.RequestView reply(@PathVariable long id, @RequestBody Reply body) {
    service.reply(id, body.outcome(), body.explanation(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/delivery")
  Views.RequestView delivery(@PathVariable long id, @RequestBody Delivery body) {
    service.recordDelivery(id, body.method(), body.deliveredOn(), access.current());
    return get(id);
  }

  @PostMapping("/requests/{id}/reopen")
  Views.RequestView reopen(@PathVariable long id, @RequestBody Reopening body) {
    service.reopen(id, body.reason(), access.current());
    return get(id);
  }

  /** The letter as sent, or (before the reply) a preview for an outcome. */
  @GetMapping("/requests/{id}/letter")
  ReplyLetters.Letter letter(@PathVariable long id, @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) String explanation) {
    return letterOf(id, outcome, explanation);
  }

  @GetMapping("/requests/{id}/letter.docx")
  ResponseEntity<byte[]> letterDocx(@PathVariable long id, @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) String explanation) {
    Views.RequestView view = service.view(id, access.current());
    byte[] docx = letters.docx(letterOf(id, outcome, explanation));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(view.trackingCode() + ".docx").build().toString())
        .body(docx);
  }

  ReplyLetters.Letter letterOf(long id, Outcome outcome, String explanation) {
    Views.RequestView view = service.view(id, access.current());
    if (view.letter() != null && outcome == null) {
      return ReplyLetters.Letter.parse(view.letter());
    }
    return service.previewLetter(id, outcome, explanation, access.current());
  }

  record Publication(List<Long> requests, Long column, String title, String text) {}

  record Published(long document) {}

  /** Art. 44: turns information disclosed on request into a proactive catalog draft, in one step. */
  @PostMapping("/publications")
  @ResponseStatus(HttpStatus.CREATED)
  Published publish(@RequestBody Publication body) {
    return new Published(handOver.publish(body.requests(), body.column(), body.title(), body.text(), access.current()));
  }

  @GetMapping("/statistics")
  MonthlyStatistics statistics(@RequestParam String agency, @RequestParam String month) {
    Agency a = agency(agency);
    access.requireAgency(access.current(), a.id());
    return statistics.month(a.id(), month(month));
  }

  @PostMapping("/statistics/filings")
  @ResponseStatus(HttpStatus.CREATED)
  MonthlyStatistics file(@RequestParam String agency, @RequestParam String month) {
    return statistics.file(agency(agency).id(), month(month), access.current());
  }

  @GetMapping("/statistics/overview")
  List<MonthlyStatistics> overview(@RequestParam String month) {
    return statistics.overview(month(month), access.current());
  }

  private Agency agency(String code) {
    return agencies.findByCode(code.trim()).orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }

  static YearMonth month(String month) {
    try {
      return YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw Refusal.invalidField("month", "foi.month.invalid");
    }
  }
}
