package org.gongkai.assessment.internal;

import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The final rankings the office chose to publish. */
@Controller
@PublicPage
@RequestMapping("/assessments")
class AssessmentPortalController {

  private final Assessments assessments;

  AssessmentPortalController(Assessments assessments) {
    this.assessments = assessments;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("years", assessments.publishedYears());
    return "assessment/portal-list";
  }

  @GetMapping("/{year:\\d+}")
  String year(@PathVariable int year, Model model) {
    Assessments.Standing standing =
        assessments
            .published(year)
            .orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
    model.addAttribute("standing", standing);
    return "assessment/portal-year";
  }
}
