package org.gongkai.decision.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.decision.DecisionForm;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entering decisions: a draft checked in full (by form, API or spreadsheet) and changed while it is
 * a draft; its publish-by date, 7 working days after the decision on the platform's calendar. An
 * entry made after that date is recorded late, never hidden. The workflow's steps are {@link
 * DecisionSteps}'. Every change is audited.
 */
@Service
class Decisions {

  private final DecisionRepository repository;
  private final DecisionChecks checks;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final DecisionProperties settings;
  private final Clock clock;

  Decisions(
      DecisionRepository repository,
      DecisionChecks checks,
      AgencyDirectory agencies,
      StaffAccess access,
      WorkingCalendar calendar,
      AuditTrail audit,
      TransactionTemplate transactions,
      DecisionProperties settings,
      Clock clock) {
    this.repository = repository;
    this.checks = checks;
    this.agencies = agencies;
    this.access = access;
    this.calendar = calendar;
    this.audit = audit;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  /** The last day the decision may be published on time. */
  LocalDate publishBy(LocalDate decidedOn) {
    return calendar.current().addWorkingDays(decidedOn, settings.publishWorkingDays());
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  long create(DecisionForm form, Staff actor) {
    Agency agency = checks.agencyOf(form);
    access.requireAgency(actor, agency.id());
    DecisionForm f = checks.checked(form, agency, null);
    return transactions.execute(
        tx -> {
          boolean late = today().isAfter(publishBy(f.decidedOn()));
          long id =
              repository.insert(
                  agency.id(), f, actor.username(), Instant.now(clock), late, "DRAFT", null);
          audit.record(
              actor.username(),
              "decision.created",
              "decision",
              id,
              f.kind() + " " + f.decisionNumber() + (late ? " [late]" : ""));
          return id;
        });
  }

  /** Changes a draft (a returned decision is one again); refused once it is submitted. Audited. */
  void update(long id, DecisionForm form, Staff actor) {
    Decision d = get(id, actor);
    if (d.state() != DecisionState.DRAFT) {
      throw Refusal.conflict("decision.state.not-draft");
    }
    Agency agency = agencies.get(d.agencyId());
    DecisionForm f = checks.checked(keepingIdNumber(form.withAgency(agency.code()), d), agency, id);
    transactions.executeWithoutResult(
        tx -> {
          if (!repository.update(id, d.version(), f)) {
            throw Refusal.conflict("decision.changed-meanwhile");
          }
          audit.record(actor.username(), "decision.updated", "decision", id, f.decisionNumber());
        });
  }

  /**
   * A natural person's identity number left out of a change is the one stored: staff who see it
   * masked change the rest without retyping it.
   */
  static DecisionForm keepingIdNumber(DecisionForm form, Decision stored) {
    DecisionForm.Party p = form.party();
    if (p == null
        || p.category() == null
        || !p.category().isNaturalPerson()
        || (p.idNumber() != null && !p.idNumber().isBlank())
        || !stored.naturalPerson()) {
      return form;
    }
    DecisionForm.Party old = stored.form().party();
    return form.withParty(
        new DecisionForm.Party(
            p.name(),
            p.category(),
            p.creditCode(),
            p.idType() == null ? old.idType() : p.idType(),
            old.idNumber(),
            p.legalRepresentative()));
  }

  /** The decision, for staff who may work on its agency. */
  Decision get(long id, Staff actor) {
    Decision d = repository.find(id).orElseThrow(() -> Refusal.notFound("decision.not-found"));
    access.requireAgency(actor, d.agencyId());
    return d;
  }

  /**
   * Enters forms already checked as drafts of one import ({@code batch}), all in the caller's
   * transaction; returns their ids.
   */
  List<Long> insertChecked(List<DecisionForm> forms, Agency agency, Staff actor, String batch) {
    List<Long> ids = new ArrayList<>();
    for (DecisionForm form : forms) {
      DecisionForm f = checks.checked(form.withAgency(agency.code()), agency, null);
      boolean late = today().isAfter(publishBy(f.decidedOn()));
      long id =
          repository.insert(
              agency.id(), f, actor.username(), Instant.now(clock), late, "DRAFT", batch);
      audit.record(
          actor.username(),
          "decision.imported",
          "decision",
          id,
          f.kind() + " " + f.decisionNumber() + " batch " + batch + (late ? " [late]" : ""));
      ids.add(id);
    }
    return ids;
  }
}
