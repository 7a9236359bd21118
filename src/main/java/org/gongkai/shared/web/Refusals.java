package org.gongkai.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Puts a service's refusal where a page shows it: beside its form fields, or in the next page's
 * notice.
 */
public final class Refusals {

  private Refusals() {}

  /** For a post-redirect-get action: the next page shows the refusal's (first) message. */
  public static void flash(RedirectAttributes redirect, Refusal refusal) {
    boolean general = refusal.fieldProblems().isEmpty();
    redirect.addFlashAttribute(
        "refusal", general ? refusal.messageKey() : refusal.fieldProblems().get(0).messageKey());
    redirect.addFlashAttribute(
        "refusalArgs", general ? refusal.arguments() : refusal.fieldProblems().get(0).arguments());
  }

  /**
   * The refusal in the reader's words: its message, or its first field's, for a page that lists
   * several.
   */
  public static String text(MessageSource messages, Refusal refusal, Locale locale) {
    if (refusal.fieldProblems().isEmpty()) {
      return messages.getMessage(
          refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale);
    }
    Refusal.FieldProblem first = refusal.fieldProblems().get(0);
    return messages.getMessage(first.messageKey(), first.arguments(), first.messageKey(), locale);
  }

  /** For a page rendered again in answer to its own form: the same notice, on this page. */
  public static void show(Model model, Refusal refusal) {
    boolean general = refusal.fieldProblems().isEmpty();
    model.addAttribute(
        "refusal", general ? refusal.messageKey() : refusal.fieldProblems().get(0).messageKey());
    model.addAttribute(
        "refusalArgs", general ? refusal.arguments() : refusal.fieldProblems().get(0).arguments());
  }

  public static void bind(BindingResult errors, Refusal refusal) {
    if (refusal.fieldProblems().isEmpty()) {
      errors.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
      return;
    }
    for (Refusal.FieldProblem p : refusal.fieldProblems()) {
      if (p.field().isEmpty()) {
        errors.reject(p.messageKey(), p.arguments(), p.messageKey());
      } else {
        errors.rejectValue(p.field(), p.messageKey(), p.arguments(), p.messageKey());
      }
    }
  }
}
