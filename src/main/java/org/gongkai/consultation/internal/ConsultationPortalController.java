package org.gongkai.consultation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.shared.web.SubmissionThrottle;
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

/**
 * The public pages: the open and closed calls and notices, one page each with its comment form and
 * feedback.
 */
@Controller
@PublicPage
@RequestMapping("/consultations")
class ConsultationPortalController {

  private final ConsultationReader reader;
  private final CommentIntake intake;
  private final Challenge challenge;
  private final SubmissionThrottle throttle;

  ConsultationPortalController(
      ConsultationReader reader,
      CommentIntake intake,
      Challenge challenge,
      SubmissionThrottle throttle) {
    this.reader = reader;
    this.intake = intake;
    this.challenge = challenge;
    this.throttle = throttle;
  }

  @GetMapping
  String list(@RequestParam(required = false) String state, Model model) {
    model.addAttribute("items", reader.list(null, state == null ? "" : state));
    model.addAttribute("state", state);
    return "consultation/list";
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("c", reader.get(id, false));
    model.addAttribute("question", challenge.issue());
    model.addAttribute("contactRequired", intake.contactRequired());
    model.addAttribute("nameRequired", intake.nameRequired());
    return "consultation/show";
  }

  @PostMapping("/{id}/comments")
  String comment(
      @PathVariable long id,
      @RequestParam(required = false) Integer paragraph,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String contact,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) String challengeToken,
      @RequestParam(required = false) String challengeAnswer,
      @RequestParam(name = Challenge.FIELD, required = false) String altcha,
      @RequestParam(name = "attachment", required = false) MultipartFile attachment,
      HttpServletRequest request,
      Model model)
      throws IOException {
    try {
      Challenge.Solved solved = challenge.verifyForm(altcha, challengeToken, challengeAnswer);
      throttle.acquire(ConsultationApi.THROTTLE, request.getRemoteAddr());
      CommentIntake.Upload upload =
          attachment == null || attachment.isEmpty()
              ? null
              : new CommentIntake.Upload(attachment.getOriginalFilename(), attachment.getBytes());
      intake.comment(
          id, new CommentIntake.CommentForm(paragraph, name, contact, body, null), upload, solved);
      // Shown on the answer to the post itself: a flash attribute would open a session.
      model.addAttribute("notice", "consultation.comment.received");
      return show(id, model);
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
      model.addAttribute(
          "entered", new CommentIntake.CommentForm(paragraph, name, contact, body, null));
      model.addAttribute("problems", refusal.fieldProblems());
      return show(id, model);
    }
  }

  @GetMapping("/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
    var c = reader.get(id, false);
    var meta =
        c.attachments().stream()
            .filter(a -> a.id() == attachmentId)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("attachment.not-found"));
    byte[] content =
        reader.attachment(id, attachmentId).orElseThrow(() -> Refusal.gone("attachment.not-found"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(meta.contentType()))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(meta.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
