package org.gongkai.decision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.decision.DecisionForm;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * A form checked against the rules ({@link DecisionRules}) and the register: its agency, a decision
 * number not already standing, the decision it corrects. Refused with every problem named.
 */
@Component
class DecisionChecks {

  private final DecisionRepository repository;
  private final AgencyDirectory agencies;
  private final Clock clock;

  DecisionChecks(DecisionRepository repository, AgencyDirectory agencies, Clock clock) {
    this.repository = repository;
    this.agencies = agencies;
    this.clock = clock;
  }

  Agency agencyOf(DecisionForm form) {
    return agency(form == null ? null : form.agency());
  }

  /** The agency of that code; refused naming the field {@code agency} when there is none. */
  Agency agency(String agencyCode) {
    String code = DecisionRules.text(agencyCode);
    if (code == null) {
      throw Refusal.invalidField("agency", "decision.field.required");
    }
    return agencies
        .findByCode(code)
        .orElseThrow(() -> Refusal.invalidField("agency", "decision.agency.unknown", code));
  }

  /**
   * The form checked in full and normalised, with the agency's name and code where the deciding
   * authority and the data source are left out; refused with every problem named.
   */
  DecisionForm checked(DecisionForm form, Agency agency, Long self) {
    DecisionRules.Checked checked = DecisionRules.check(form, LocalDate.now(clock));
    List<Refusal.FieldProblem> problems = new ArrayList<>(checked.problems());
    DecisionForm f = checked.form();
    if (f.kind() != null
        && f.decisionNumber() != null
        && repository.numberTaken(agency.id(), f.kind(), f.decisionNumber(), self, f.corrects())) {
      problems.add(new Refusal.FieldProblem("decisionNumber", "decision.number.taken"));
    }
    if (f.corrects() != null) {
      Decision old = repository.find(f.corrects()).orElse(null);
      if (old == null
          || old.agencyId() != agency.id()
          || old.form().kind() != f.kind()
          || old.state() != DecisionState.PUBLISHED) {
        problems.add(new Refusal.FieldProblem("corrects", "decision.corrects.not-published"));
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return f.with(
        agency.code(),
        f.party(),
        f.authority() == null ? agency.name() : f.authority(),
        f.authorityCode() == null ? agency.code() : f.authorityCode(),
        f.dataSource() == null ? agency.name() : f.dataSource(),
        f.dataSourceCode() == null ? agency.code() : f.dataSourceCode());
  }

  /** Checks a form without saving it, as an import does row by row. */
  List<Refusal.FieldProblem> problems(DecisionForm form, Agency agency) {
    return problems(form, agency, null);
  }

  /** The same for a change of the draft {@code self}. */
  List<Refusal.FieldProblem> problems(DecisionForm form, Agency agency, Long self) {
    try {
      checked(form.withAgency(agency.code()), agency, self);
      return List.of();
    } catch (Refusal refusal) {
      return refusal.fieldProblems();
    }
  }
}
