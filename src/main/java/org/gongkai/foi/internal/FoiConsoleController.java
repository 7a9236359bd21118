package org.gongkai.foi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console for information requests: lists by due date, one page per request with its
 * steps.
 */
@Controller
@RequestMapping("/console/foi")
class FoiConsoleController {

  private final RequestCommands commands;
  private final ClarificationSteps clarification;
  private final PeriodSteps periods;
  private final RequestQueries service;
  private final RequestFiles files;
  private final FoiReminders reminders;
  private final CatalogHandOver handOver;
  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final StaffAccess access;

  private final ReplyEnclosures enclosures;

  FoiConsoleController(
      RequestCommands commands,
      ClarificationSteps clarification,
      PeriodSteps periods,
      RequestQueries service,
      RequestFiles files,
      FoiReminders reminders,
      CatalogHandOver handOver,
      AgencyDirectory agencies,
      Accounts accounts,
      StaffAccess access,
      ReplyEnclosures enclosures) {
    this.enclosures = enclosures;
    this.commands = commands;
    this.clarification = clarification;
    this.periods = periods;
    this.service = service;
    this.files = files;
    this.reminders = reminders;
    this.handOver = handOver;
    this.agencies = agencies;
    this.accounts = accounts;
    this.access = access;
  }

  @GetMapping
  String list(
      @RequestParam(required = false, defaultValue = "open") String due,
      @RequestParam(required = false) Boolean mine,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) RequestQueries.Filter.Order order,
      Model model) {
    Staff me = access.current();
    RequestQueries.Filter filter =
        new RequestQueries.Filter(null, null, due, Boolean.TRUE.equals(mine), q, order);
    PageResult<Views.Summary> result = service.list(filter, PageResult.page(page, 20), 20, me);
    model.addAttribute("order", filter.order());
    model.addAttribute("orders", RequestQueries.Filter.Order.values());
    model.addAttribute("result", result);
    model.addAttribute("due", due);
    model.addAttribute("mine", Boolean.TRUE.equals(mine));
    model.addAttribute("q", q);
    model.addAttribute("notifications", reminders.unread(me));
    model.addAttribute("staff", accounts.list(me).stream().filter(Staff::enabled).toList());
    return "foi/console-list";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable long id) {
    reminders.markRead(id, access.current());
    return "redirect:/console/foi";
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, @RequestParam(required = false) boolean reveal, Model model) {
    Staff me = access.current();
    Views.RequestView request = reveal ? service.revealed(id, me) : service.view(id, me);
    model.addAttribute("mayReveal", me.personalData());
    model.addAttribute("request", request);
    model.addAttribute("today", service.today());
    model.addAttribute(
        "outcomes", Arrays.stream(Outcome.values()).filter(o -> !o.isAutomatic()).toList());
    model.addAttribute("deliveryChannels", DeliveryChannel.values());
    model.addAttribute("partyKinds", ConsultedParty.values());
    model.addAttribute("deemedDays", service.deemedDays());
    model.addAttribute("feeMethods", FeeCalculator.Method.values());
    Agency agency = agencies.findByCode(request.agency()).orElseThrow();
    model.addAttribute(
        "staff",
        accounts.list(me).stream()
            .filter(s -> s.enabled() && access.mayWorkOn(s, agency.id()))
            .toList());
    model.addAttribute("columns", agencies.columns(agency.id()));
    model.addAttribute("enclosureWorks", enclosures.works(id));
    model.addAttribute("enclosureReference", ReplyEnclosures.reference(id));
    return "foi/console-show";
  }

  @GetMapping("/{id}/letter")
  String preview(
      @PathVariable long id,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) String explanation,
      Model model) {
    Views.RequestView request = service.view(id, access.current());
    Letters.Letter letter =
        request.replyLetter() != null && outcome == null
            ? service.letter(id, request.replyLetter(), access.current())
            : service.masked(
                id,
                commands.previewReply(
                    id,
                    outcome == null ? Outcome.DISCLOSED : outcome,
                    explanation,
                    access.current()));
    model.addAttribute("request", request);
    model.addAttribute("letter", letter);
    return "foi/letter";
  }

  @GetMapping("/{id}/letters/{letterId}")
  String letter(@PathVariable long id, @PathVariable long letterId, Model model) {
    model.addAttribute("request", service.view(id, access.current()));
    model.addAttribute("letter", service.letter(id, letterId, access.current()));
    model.addAttribute("letterId", letterId);
    return "foi/letter";
  }

  @GetMapping("/{id}/id-copy")
  ResponseEntity<byte[]> idCopy(@PathVariable long id) {
    IdCopies.Stored copy = files.idCopy(id, access.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(copy.contentType()))
        .header("Content-Disposition", "attachment")
        .header("Cache-Control", "no-store")
        .body(copy.content());
  }

  /**
   * One form per step; only the steps the transition table allows now are shown. A step on an
   * overdue request dated on or before its deadline comes with the reason it is recorded only now
   * and a proof of its date ({@code lateReason}, {@code proofFile}), as does a reply dated well
   * before today.
   */
  @PostMapping("/{id}/{step}")
  String step(
      @PathVariable long id,
      @PathVariable String step,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate until,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String approver,
      @RequestParam(required = false) Integer days,
      @RequestParam(required = false) Long assignee,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) DeliveryChannel method,
      @RequestParam(required = false) Long letter,
      @RequestParam(required = false) FeeCalculator.Method feeMethod,
      @RequestParam(required = false) Integer pages,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) ConsultedParty partyKind,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String lateReason,
      @RequestParam(required = false) MultipartFile proofFile,
      RedirectAttributes redirect)
      throws IOException {
    Staff me = access.current();
    try {
      String proof =
          proofFile == null || proofFile.isEmpty()
              ? null
              : files
                  .storeProof(id, proofFile.getOriginalFilename(), proofFile.getBytes(), me)
                  .sha256();
      StepDates.StepDate date = new StepDates.StepDate(on, lateReason, proof);
      switch (step) {
        case "register" -> commands.register(id, on == null ? service.today() : on, me);
        case "assign" -> commands.assign(id, assignee == null ? -1 : assignee, me);
        case "request-supplement" -> clarification.requestSupplement(id, text, days, date, me);
        case "record-supplement" -> clarification.recordSupplement(id, date, me);
        case "request-reasons" -> clarification.requestReasons(id, text, days, date, me);
        case "record-reasons" -> clarification.recordReasons(id, text, date, me);
        case "set-period" -> clarification.setPeriod(id, until, text, date, me);
        case "consult" -> periods.consult(id, text, partyKind, method, date, me);
        case "record-consultation-answer" -> periods.recordConsultationAnswer(id, text, date, me);
        case "extend" -> periods.extend(id, days == null ? 0 : days, approver, text, date, me);
        case "notify-fee" -> periods.notifyFee(id, feeMethod, pages, text, date, me);
        case "record-payment" -> periods.recordPayment(id, date, me);
        case "reply" -> commands.reply(id, outcome, text, date, me);
        case "record-delivery" -> commands.recordDelivery(id, letter, method, date, me);
        case "reopen" -> commands.reopen(id, text, decision, days, until, date, me);
        case "publish-to-catalog" -> {
          long documentId = handOver.publish(List.of(id), column, title, text, me);
          redirect.addFlashAttribute("notice", "foi.published");
          return "redirect:/console/documents/" + documentId;
        }
        default -> throw Refusal.notFound("foi.step.unknown");
      }
      redirect.addFlashAttribute("notice", "foi.step.done");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/foi/" + id;
  }

  /** The proof of a step's date, for staff with the personal-data permission; recorded. */
  @GetMapping("/{id}/proofs/{eventId}")
  ResponseEntity<byte[]> proof(@PathVariable long id, @PathVariable long eventId) {
    StepProofs.Opened proof = files.proof(id, eventId, access.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(proof.contentType()))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(proof.name(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("Cache-Control", "no-store")
        .body(proof.content());
  }
}
