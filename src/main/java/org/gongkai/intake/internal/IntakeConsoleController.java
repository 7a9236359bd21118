package org.gongkai.intake.internal;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Validity;
import org.gongkai.intake.Intake;
import org.gongkai.intake.RecognisedDocument;
import org.gongkai.intake.SplitAttachment;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 从公文识别 on the console: the signed document uploaded from the new-draft page opens the draft form
 * filled in, the fields recognised without certainty marked for the editor to check, and the split
 * attachments offered to keep; saving makes the draft with them.
 */
@Controller
@RequestMapping("/console/intake")
class IntakeConsoleController {

  private final Intake intake;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final PendingIntakes pending;
  private final IntakeDrafts drafts;
  private final MessageSource messages;

  IntakeConsoleController(
      Intake intake,
      StaffAccess access,
      AgencyDirectory agencies,
      PendingIntakes pending,
      IntakeDrafts drafts,
      MessageSource messages) {
    this.intake = intake;
    this.access = access;
    this.agencies = agencies;
    this.pending = pending;
    this.drafts = drafts;
    this.messages = messages;
  }

  @PostMapping
  String recognise(
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpSession session,
      Model model,
      RedirectAttributes redirect,
      Locale locale)
      throws IOException {
    Staff me = access.current();
    RecognisedDocument r;
    String name;
    try {
      List<Agency> mine = IntakeApi.agencies(access, me);
      name = IntakeApi.fileName(file);
      r = IntakeApi.recognise(intake, name, file.getBytes(), mine);
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/documents/new";
    }
    IntakeView view = IntakeView.of(name, null, r, false, messages, locale);
    DocumentForm form = new DocumentForm();
    form.setTitle(r.title().value());
    form.setDocNumber(r.docNumber().value());
    form.setIssuedOn(r.writtenOn().value());
    form.setBody(r.body().value());
    Map<String, IntakeView.Mark> marks = new LinkedHashMap<>(IntakeView.marks(view));
    if (r.agency().value() != null) {
      Agency agency = r.agency().value();
      form.setAgency(agency.code());
      form.setColumn(column(agency.id()));
    }
    if (!marks.get("column").confidence().needsConfirming()) {
      marks.put(
          "column",
          IntakeView.mark(
              view.agency().confidence(), messages.getMessage("intake.note.column", null, locale)));
    }
    String id =
        pending.keep(
            session, new PendingIntakes.Pending(name, marks, recognised(r), r.attachments()));
    return form(model, form, id, pending.get(session, id).orElseThrow());
  }

  @PostMapping("/draft")
  String save(
      @Valid @ModelAttribute("form") DocumentForm form,
      BindingResult errors,
      @RequestParam(required = false) String intakeId,
      @RequestParam(name = "keep", required = false) List<Integer> keep,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    PendingIntakes.Pending recognised = pending.get(session, intakeId).orElse(null);
    if (recognised == null) {
      redirect.addFlashAttribute("refusal", "intake.expired");
      redirect.addFlashAttribute("refusalArgs", new Object[0]);
      return "redirect:/console/documents/new";
    }
    if (form.getColumn() != null) {
      agencies
          .column(form.getColumn())
          .flatMap(c -> agencies.find(c.agencyId()))
          .ifPresent(a -> form.setAgency(a.code()));
    }
    if (errors.hasErrors()
        && !(errors.getErrorCount() == 1
            && errors.hasFieldErrors("agency")
            && form.getAgency() != null)) {
      return form(model, form, intakeId, recognised);
    }
    List<SplitAttachment> kept = new ArrayList<>();
    for (int i = 0; i < recognised.files().size(); i++) {
      if (keep != null && keep.contains(i)) {
        kept.add(recognised.files().get(i));
      }
    }
    try {
      long id = drafts.create(form, recognised.fileName(), kept, me);
      pending.drop(session, intakeId);
      redirect.addFlashAttribute("notice", "intake.saved");
      return "redirect:/console/documents/" + id;
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, form, intakeId, recognised);
    }
  }

  private String form(Model model, DocumentForm form, String id, PendingIntakes.Pending p) {
    Staff me = access.current();
    Map<Agency, List<Column>> columns = new LinkedHashMap<>();
    for (Agency a : access.agenciesInScope(me)) {
      columns.put(a, agencies.columns(a.id()));
    }
    model.addAttribute("form", form);
    model.addAttribute("intakeId", id);
    model.addAttribute("pending", p);
    model.addAttribute("marks", p.marks());
    model.addAttribute("columnsByAgency", columns);
    model.addAttribute("validities", Validity.values());
    model.addAttribute("modes", DisclosureMode.values());
    model.addAttribute("kinds", DocumentKind.values());
    return "intake/console-form";
  }

  /** The agency's policy documents column, where signed documents usually go, else its first. */
  private Long column(long agencyId) {
    List<Column> columns = agencies.columns(agencyId);
    return columns.stream()
        .filter(c -> c.type() == ColumnType.POLICY)
        .findFirst()
        .or(() -> columns.stream().findFirst())
        .map(Column::id)
        .orElse(null);
  }

  /** What the draft form has no field for, shown beside it: label key to value. */
  private static Map<String, String> recognised(RecognisedDocument r) {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("intake.organs", r.organs().value());
    shown.put("intake.signer", r.signer().value());
    shown.put("intake.addressees", r.addressees().value());
    shown.put("intake.attachment-names", String.join(" / ", r.attachmentNames().value()));
    shown.put("intake.notes", r.notes().value());
    shown.put("intake.copies", r.copiesTo().value());
    shown.put("intake.printed-by", r.printedBy().value());
    LocalDate printed = r.printedOn().value();
    shown.put("intake.printed-on", printed == null ? null : printed.toString());
    shown.values().removeIf(v -> v == null || v.isBlank());
    return shown;
  }
}
