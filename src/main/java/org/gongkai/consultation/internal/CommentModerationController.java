package org.gongkai.consultation.internal;

import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Several comments of one consultation published, or kept back with one reason, at once: each is
 * moderated as on its own (audited, the portal's page refreshed). A refusal stops before anything
 * changes when it concerns the whole request (no reason to keep back), and names the comment
 * otherwise.
 */
@Controller
class CommentModerationController {

  private final Consultations consultations;
  private final StaffAccess access;

  CommentModerationController(Consultations consultations, StaffAccess access) {
    this.consultations = consultations;
    this.access = access;
  }

  @PostMapping("/console/consultations/{id}/moderate-several")
  String moderate(
      @PathVariable long id,
      @RequestParam(name = "comments", required = false) List<Long> comments,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    String back = "redirect:/console/consultations/" + id;
    if (comments == null || comments.isEmpty()) {
      redirect.addFlashAttribute("refusal", "consultation.moderation.none");
      return back;
    }
    ConsultationViews.CommentState target;
    try {
      target = state == null ? null : ConsultationViews.CommentState.valueOf(state);
    } catch (IllegalArgumentException e) {
      target = null;
    }
    int done = 0;
    try {
      for (long comment : comments.stream().distinct().toList()) {
        consultations.moderate(id, comment, target, reason, access.current());
        done++;
      }
      redirect.addFlashAttribute("notice", "consultation.moderation.several");
      redirect.addFlashAttribute("noticeArgs", new Object[] {done});
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      if (done > 0) {
        redirect.addFlashAttribute("notice", "consultation.moderation.several");
        redirect.addFlashAttribute("noticeArgs", new Object[] {done});
      }
    }
    return back;
  }
}
