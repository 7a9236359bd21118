package org.gongkai.assessment.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment's steps from the console's forms, each answered by a redirect with what happened.
 */
@Controller
@RequestMapping("/console/assessments")
class AssessmentActionsController {

  private final Assessments assessments;
  private final AssessmentEntries entries;
  private final AssessmentReview review;
  private final StaffAccess access;

  AssessmentActionsController(
      Assessments assessments,
      AssessmentEntries entries,
      AssessmentReview review,
      StaffAccess access) {
    this.assessments = assessments;
    this.entries = entries;
    this.review = review;
    this.access = access;
  }

  @PostMapping
  String create(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String office,
      RedirectAttributes redirect) {
    try {
      if (year == null) {
        throw Refusal.invalidField("year", "assessment.year.invalid");
      }
      assessments.create(year, office, access.current());
      redirect.addFlashAttribute("notice", "assessment.created");
      return "redirect:/console/assessments/" + year;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/assessments";
    }
  }

  @PostMapping("/{year:\\d+}/entries")
  String enter(
      @PathVariable int year,
      @RequestParam String agency,
      @RequestParam String indicator,
      @RequestParam(required = false) String points,
      @RequestParam(required = false) String reason,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    try {
      BigDecimal value = null;
      if (points != null && !points.isBlank()) {
        try {
          value = new BigDecimal(points.strip());
        } catch (NumberFormatException e) {
          throw Refusal.invalidField("points", "assessment.entry.points-range", "-");
        }
      }
      entries.enter(
          year,
          agency,
          indicator,
          value,
          reason,
          file == null ? null : file.getOriginalFilename(),
          file == null || file.isEmpty() ? null : file.getBytes(),
          access.current());
      redirect.addFlashAttribute("notice", "assessment.entry.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/assessments/" + year + "/agencies/" + agency;
  }

  @PostMapping("/{year:\\d+}/entries/delete")
  String removeEntry(
      @PathVariable int year,
      @RequestParam String agency,
      @RequestParam String indicator,
      RedirectAttributes redirect) {
    return step(
        redirect,
        "assessment.entry.removed",
        "/console/assessments/" + year + "/agencies/" + agency,
        () -> entries.removeEntry(year, agency, indicator, access.current()));
  }

  @PostMapping("/{year:\\d+}/release")
  String release(
      @PathVariable int year,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate until,
      RedirectAttributes redirect) {
    return step(
        redirect,
        "assessment.released",
        "/console/assessments/" + year,
        () -> review.release(year, until, access.current()));
  }

  @PostMapping("/{year:\\d+}/objections")
  String object(
      @PathVariable int year,
      @RequestParam String agency,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    return step(
        redirect,
        "assessment.objection.raised",
        "/console/assessments/" + year + "/agencies/" + agency,
        () -> review.object(year, agency, indicator, text, access.current()));
  }

  @PostMapping("/{year:\\d+}/objections/{id}/answer")
  String answer(
      @PathVariable int year,
      @PathVariable long id,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String answer,
      RedirectAttributes redirect) {
    return step(
        redirect,
        "assessment.objection.answered-now",
        "/console/assessments/" + year + "#objections",
        () -> review.answer(year, id, decision, answer, access.current()));
  }

  @PostMapping("/{year:\\d+}/finalise")
  String finalise(@PathVariable int year, RedirectAttributes redirect) {
    return step(
        redirect,
        "assessment.finalised",
        "/console/assessments/" + year,
        () -> review.finalise(year, access.current()));
  }

  @PostMapping("/{year:\\d+}/publish")
  String publish(
      @PathVariable int year,
      @RequestParam(defaultValue = "true") boolean published,
      RedirectAttributes redirect) {
    return step(
        redirect,
        published ? "assessment.published" : "assessment.unpublished",
        "/console/assessments/" + year,
        () -> review.publish(year, published, access.current()));
  }

  /**
   * Takes one step, and says on the next page what happened: the notice, or the refusal's message.
   */
  private static String step(
      RedirectAttributes redirect, String notice, String target, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:" + target;
  }
}
