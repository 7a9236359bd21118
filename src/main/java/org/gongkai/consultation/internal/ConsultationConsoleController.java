package org.gongkai.consultation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
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
 * Staff open calls for comments and notices, moderate comments, answer them and publish the
 * feedback.
 */
@Controller
@RequestMapping("/console/consultations")
class ConsultationConsoleController {

  private final Consultations consultations;
  private final ConsultationReader reader;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  ConsultationConsoleController(
      Consultations consultations,
      ConsultationReader reader,
      AgencyDirectory agencies,
      StaffAccess access) {
    this.consultations = consultations;
    this.reader = reader;
    this.agencies = agencies;
    this.access = access;
  }

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    model.addAttribute("items", reader.listForStaff(me));
    model.addAttribute("agencies", access.agenciesInScope(me));
    model.addAttribute("kinds", ConsultationKind.values());
    model.addAttribute("scopes", ConsultationScope.values());
    return "consultation/console-list";
  }

  @PostMapping
  String create(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) ConsultationKind kind,
      @RequestParam(required = false) ConsultationScope scope,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String draftText,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate opensOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate closesOn,
      @RequestParam(required = false) Long draftDocument,
      RedirectAttributes redirect) {
    try {
      long id =
          consultations.create(
              new Consultations.Form(
                  agency, kind, scope, title, draftText, opensOn, closesOn, draftDocument),
              access.current());
      redirect.addFlashAttribute("notice", "consultation.saved");
      return "redirect:/console/consultations/" + id;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/consultations";
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("c", reader.get(id, true));
    model.addAttribute("adoptions", ConsultationViews.Adoption.values());
    return "consultation/console-show";
  }

  @GetMapping("/{id}/comments/{comment}/attachment")
  ResponseEntity<byte[]> commentAttachment(@PathVariable long id, @PathVariable long comment) {
    ConsultationReader.CommentAttachment a =
        reader.commentAttachment(id, comment, access.current());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(a.name(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body(a.content());
  }

  @PostMapping("/{id}/{step}")
  String step(
      @PathVariable long id,
      @PathVariable String step,
      @RequestParam(required = false) Long comment,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) ConsultationViews.Adoption adoption,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) Long finalDocument,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    Staff me = access.current();
    try {
      switch (step) {
        case "publish" -> consultations.publish(id, me);
        case "moderate" ->
            consultations.moderate(
                id,
                comment == null ? -1 : comment,
                state == null ? null : ConsultationViews.CommentState.valueOf(state),
                reason,
                me);
        case "adopt" ->
            consultations.adopt(id, comment == null ? -1 : comment, adoption, reason, me);
        case "feedback" -> consultations.publishFeedback(id, text, finalDocument, me);
        case "attachments" ->
            consultations.addAttachment(
                id,
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(),
                me);
        default -> throw Refusal.notFound("consultation.step.unknown");
      }
      redirect.addFlashAttribute("notice", "consultation.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    } catch (IllegalArgumentException badState) {
      Refusals.flash(redirect, Refusal.invalidField("state", "consultation.moderation.state"));
    }
    return "redirect:/console/consultations/" + id;
  }
}
