package org.gongkai.shared.web;

import org.springframework.validation.BindingResult;

/** Puts a service's refusal beside the form fields it concerns, for inline messages. */
public final class Refusals {

  private Refusals() {}

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
