package org.gongkai.decision.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.agency.Agency;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * The console's decision form, for a new decision and for a draft being changed: the same fields,
 * the same lists, every problem named with its field's label.
 */
final class DecisionFormPage {

  private DecisionFormPage() {}

  /** A problem of the form, with the field's label, for the page's error summary. */
  record Problem(String field, String label, String message) {}

  /** The form's page; {@code editing} the draft being changed, or null for a new decision. */
  static String render(
      Model model,
      Agency selected,
      Map<String, String> values,
      List<Problem> problems,
      Long editing) {
    model.addAttribute("selected", selected);
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    model.addAttribute("editing", editing);
    model.addAttribute("kinds", DecisionKind.values());
    model.addAttribute("categories", PartyCategory.values());
    model.addAttribute("idTypes", Vocabulary.ID_TYPES);
    model.addAttribute("licenceCategories", Vocabulary.LICENCE_CATEGORIES);
    model.addAttribute("penaltyKinds", Vocabulary.PENALTY_KINDS);
    model.addAttribute("measureKinds", Vocabulary.MEASURE_KINDS);
    return "decision/console-form";
  }

  /** The refusal's problems with their fields' labels, in the console's language. */
  static List<Problem> problems(Refusal refusal, MessageSource messages, Locale locale) {
    return refusal.fieldProblems().stream()
        .map(
            p ->
                new Problem(
                    p.field(),
                    messages.getMessage(Vocabulary.labelKey(p.field()), null, p.field(), locale),
                    messages.getMessage(p.messageKey(), p.arguments(), locale)))
        .toList();
  }
}
