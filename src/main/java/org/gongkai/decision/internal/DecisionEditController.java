package org.gongkai.decision.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A draft (a returned decision is one again) changed in the console: the entry form filled with
 * what was entered, checked as a new entry is; nothing typed is lost when it is refused.
 */
@Controller
class DecisionEditController {

  private final Decisions decisions;
  private final DecisionChecks checks;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final MessageSource messages;

  DecisionEditController(
      Decisions decisions,
      DecisionChecks checks,
      AgencyDirectory agencies,
      StaffAccess access,
      MessageSource messages) {
    this.decisions = decisions;
    this.checks = checks;
    this.agencies = agencies;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping("/console/decisions/{id}/edit")
  String form(@PathVariable long id, Model model, RedirectAttributes redirect) {
    Decision d = decisions.get(id, access.current());
    if (d.state() != DecisionState.DRAFT) {
      Refusals.flash(redirect, Refusal.conflict("decision.state.not-draft"));
      return "redirect:/console/decisions/" + id;
    }
    return DecisionFormPage.render(
        model, agencies.get(d.agencyId()), ConsoleForms.values(d.form()), List.of(), id);
  }

  @PostMapping("/console/decisions/{id}/edit")
  String update(
      @PathVariable long id,
      @RequestParam Map<String, String> values,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    Staff staff = access.current();
    Decision d = decisions.get(id, staff);
    Agency agency = agencies.get(d.agencyId());
    ConsoleForms.Read read = ConsoleForms.lenient(values, agency.code());
    try {
      if (!read.problems().isEmpty()) {
        throw Refusal.invalid(
            ConsoleForms.merged(
                read.problems(),
                checks.problems(Decisions.keepingIdNumber(read.form(), d), agency, id)));
      }
      decisions.update(id, read.form(), staff);
      redirect.addFlashAttribute("notice", "decision.updated");
      return "redirect:/console/decisions/" + id;
    } catch (Refusal refusal) {
      if (refusal.fieldProblems().isEmpty()) {
        Refusals.flash(redirect, refusal);
        return "redirect:/console/decisions/" + id;
      }
      model.addAttribute("refused", true);
      return DecisionFormPage.render(
          model, agency, values, DecisionFormPage.problems(refusal, messages, locale), id);
    }
  }
}
