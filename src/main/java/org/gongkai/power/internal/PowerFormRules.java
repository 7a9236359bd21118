package org.gongkai.power.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.power.internal.Powers.Form;

/**
 * The rules a power's form must meet. Shared by the single form and the spreadsheet import, which
 * reports the same problems against a row instead of a field.
 */
final class PowerFormRules {

  private PowerFormRules() {}

  interface Sink {
    void problem(String column, String key, Object... args);
  }

  static void check(Form f, Sink sink) {
    if (f.code() == null || !f.code().strip().matches("[A-Za-z0-9\\-_.]{2,60}")) {
      sink.problem("code", "power.code.invalid");
    }
    if (f.name() == null || f.name().isBlank() || f.name().length() > 300) {
      sink.problem("name", "power.name.required");
    }
    if (f.type() == null) {
      sink.problem("type", "power.type.required");
    }
    if (f.legalBasis() == null || f.legalBasis().isBlank()) {
      sink.problem("legalBasis", "power.basis.required");
    }
    if (f.effectiveOn() == null) {
      sink.problem("effectiveOn", "power.effective-on.required");
    }
    List<Flow.Problem> flowProblems = new ArrayList<>();
    Flow.parse(f.flow(), flowProblems);
    for (Flow.Problem p : flowProblems) {
      sink.problem("flow", p.messageKey(), p.line(), p.detail());
    }
  }
}
