package org.gongkai.assessment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assessment's pages in the console: the years, a year's ranking, one agency's result, one
 * indicator compared.
 */
@Controller
@RequestMapping("/console/assessments")
class AssessmentConsoleController {

  private final Assessments assessments;
  private final Schemes schemes;
  private final StaffAccess access;
  private final MessageSource messages;

  AssessmentConsoleController(
      Assessments assessments, Schemes schemes, StaffAccess access, MessageSource messages) {
    this.assessments = assessments;
    this.schemes = schemes;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    model.addAttribute("office", me.isPlatformAdmin());
    model.addAttribute(
        "assessments",
        me.isPlatformAdmin()
            ? assessments.all()
            : assessments.all().stream()
                .filter(a -> a.state() != AssessmentRepository.State.DRAFT)
                .toList());
    model.addAttribute("schemeYears", me.isPlatformAdmin() ? schemes.years() : List.of());
    model.addAttribute("agencies", access.agenciesInScope(me));
    model.addAttribute("thisYear", assessments.today().getYear());
    return "assessment/console-list";
  }

  @GetMapping("/{year:\\d+}")
  String year(@PathVariable int year, Model model, Locale locale) {
    Staff me = access.current();
    Assessments.Standing standing = assessments.standing(year, me);
    model.addAttribute("standing", standing);
    model.addAttribute("office", me.isPlatformAdmin());
    model.addAttribute(
        "trend",
        AssessmentViews.trend(
            assessments.finalTotals(),
            standing,
            messages.getMessage("assessment.draft", null, locale)));
    model.addAttribute("names", names(standing));
    model.addAttribute("today", assessments.today());
    return "assessment/console-year";
  }

  @GetMapping("/{year:\\d+}/agencies/{code}")
  String agency(@PathVariable int year, @PathVariable String code, Model model) {
    Staff me = access.current();
    Assessments.Standing standing = assessments.standing(year, me);
    Scoring.AgencyResult result =
        standing.results().stream()
            .filter(r -> r.agency().equals(code))
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("assessment.agency.not-assessed", code));
    model.addAttribute("standing", standing);
    model.addAttribute("result", result);
    model.addAttribute("office", me.isPlatformAdmin());
    model.addAttribute("leaves", standing.scheme().leaves());
    model.addAttribute(
        "objections",
        standing.objections().stream().filter(o -> o.agencyId() == result.agencyId()).toList());
    boolean open =
        standing.assessment().state() == AssessmentRepository.State.REVIEW
            && !assessments.today().isAfter(standing.assessment().objectionsUntil());
    model.addAttribute(
        "mayObject",
        open
            && !me.isPlatformAdmin()
            && me.role().reviews()
            && access.mayWorkOn(me, result.agencyId()));
    return "assessment/console-agency";
  }

  @GetMapping("/{year:\\d+}/compare")
  String compare(
      @PathVariable int year, @RequestParam(required = false) String indicator, Model model) {
    Staff me = access.current();
    Assessments.Standing standing = assessments.standing(year, me);
    List<Scoring.Item> indicators = standing.indicators();
    Scoring.Item chosen =
        indicators.stream()
            .filter(i -> indicator == null || i.code().equals(indicator))
            .findFirst()
            .orElseThrow(
                () ->
                    Refusal.notFound("assessment.indicator.not-found", String.valueOf(indicator)));
    model.addAttribute("standing", standing);
    model.addAttribute("indicators", indicators);
    model.addAttribute("comparison", AssessmentViews.compare(standing, chosen));
    return "assessment/console-compare";
  }

  /** Agency names by id, for the objections list. */
  private static Map<Long, String> names(Assessments.Standing standing) {
    Map<Long, String> names = new HashMap<>();
    standing.results().forEach(r -> names.put(r.agencyId(), r.name()));
    return names;
  }
}
