package org.gongkai.decision.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionPublished;
import org.gongkai.decision.DecisionRegister;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's workflow, as documents have it: an editor submits a draft; a reviewer who neither
 * entered nor submitted it approves it (four eyes) and publishes it, or returns it with a reason; a
 * published decision may be revoked with a reason or superseded by its correction. A publication
 * after the publish-by date is recorded late, never hidden. Every step is audited.
 */
@Service
class DecisionSteps implements DecisionRegister {

  private final Decisions decisions;
  private final DecisionRepository repository;
  private final DecisionChecks checks;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DecisionSteps(
      Decisions decisions,
      DecisionRepository repository,
      DecisionChecks checks,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.decisions = decisions;
    this.repository = repository;
    this.checks = checks;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public long create(DecisionForm form, Staff actor) {
    return decisions.create(form, actor);
  }

  @Override
  public void submit(long id, Staff actor) {
    Decision d = decisions.get(id, actor);
    step(
        d,
        DecisionState.DRAFT,
        DecisionState.SUBMITTED,
        Map.of("submitted_by", actor.username()),
        actor,
        "decision.submitted",
        "");
  }

  @Override
  public void approve(long id, Staff actor) {
    Decision d = decisions.get(id, actor);
    access.requireReviewer(actor, d.agencyId());
    boolean waived = access.requireSecondPerson(actor, d.agencyId(), authors(d));
    step(
        d,
        DecisionState.SUBMITTED,
        DecisionState.APPROVED,
        Map.of("approved_by", actor.username()),
        actor,
        "decision.approved",
        waived ? StaffAccess.FOUR_EYES_WAIVED : "");
  }

  /** Sends a submitted or approved decision back to its editor with the reason. */
  void returnToDraft(long id, String reason, Staff actor) {
    Decision d = decisions.get(id, actor);
    access.requireReviewer(actor, d.agencyId());
    String why = required("reason", reason);
    if (d.state() != DecisionState.SUBMITTED && d.state() != DecisionState.APPROVED) {
      throw Refusal.conflict("decision.state.not-returnable");
    }
    Map<String, Object> set = new HashMap<>();
    set.put("return_reason", why);
    set.put("approved_by", null);
    step(d, d.state(), DecisionState.DRAFT, set, actor, "decision.returned", why);
  }

  @Override
  public void publish(long id, Staff actor) {
    Decision d = decisions.get(id, actor);
    access.requireReviewer(actor, d.agencyId());
    boolean waived = access.requireSecondPerson(actor, d.agencyId(), authors(d));
    LocalDate today = decisions.today();
    publishOn(d, today, actor.username(), waived);
  }

  private void publishOn(Decision d, LocalDate on, String actor, boolean waived) {
    LocalDate due = decisions.publishBy(d.form().decidedOn());
    boolean late = on.isAfter(due);
    transactions.executeWithoutResult(
        tx -> {
          Map<String, Object> set = new HashMap<>();
          set.put("published_by", actor);
          set.put("published_at", Instant.now(clock));
          set.put("published_on", on);
          set.put("published_late", late);
          if (!repository.transition(
              d.id(), DecisionState.APPROVED, DecisionState.PUBLISHED, set)) {
            throw Refusal.conflict("decision.state.not-approved");
          }
          Long corrects = d.form().corrects();
          if (corrects != null
              && !repository.transition(
                  corrects,
                  DecisionState.PUBLISHED,
                  DecisionState.CORRECTED,
                  Map.of("corrected_by_id", d.id()))) {
            throw Refusal.conflictOn("corrects", "decision.corrects.not-published");
          }
          audit.record(
              actor,
              "decision.published",
              "decision",
              d.id(),
              "on "
                  + on
                  + ", due "
                  + due
                  + (late ? " [late]" : "")
                  + (waived ? " " + StaffAccess.FOUR_EYES_WAIVED : ""));
          if (corrects != null) {
            audit.record(actor, "decision.corrected", "decision", corrects, "by " + d.id());
          }
          events.publishEvent(new DecisionPublished(d.id(), d.agencyId()));
        });
  }

  /** Revokes a published decision: kept on the register, shown as revoked with the reason. */
  void revoke(long id, String reason, Staff actor) {
    Decision d = decisions.get(id, actor);
    access.requireReviewer(actor, d.agencyId());
    String why = required("reason", reason);
    if (d.state() != DecisionState.PUBLISHED) {
      throw Refusal.conflict("decision.state.not-published");
    }
    Map<String, Object> set = new HashMap<>();
    set.put("revoked_on", decisions.today());
    set.put("revoke_reason", why);
    transactions.executeWithoutResult(
        tx -> {
          if (!repository.transition(id, DecisionState.PUBLISHED, DecisionState.REVOKED, set)) {
            throw Refusal.conflict("decision.changed-meanwhile");
          }
          audit.record(actor.username(), "decision.revoked", "decision", id, why);
          events.publishEvent(new DecisionPublished(id, d.agencyId()));
        });
  }

  @Override
  public long importPublished(
      DecisionForm form, LocalDate publishedOn, Staff editor, Staff reviewer) {
    Agency agency = checks.agencyOf(form);
    access.requireAgency(editor, agency.id());
    access.requireReviewer(reviewer, agency.id());
    DecisionForm f = checks.checked(form, agency, null);
    if (publishedOn.isBefore(f.decidedOn()) || publishedOn.isAfter(decisions.today())) {
      throw Refusal.invalidField("publishedOn", "decision.published-on.invalid");
    }
    return transactions.execute(
        tx -> {
          long id =
              repository.insert(
                  agency.id(), f, editor.username(), Instant.now(clock), false, "APPROVED", null);
          repository.transition(
              id,
              DecisionState.APPROVED,
              DecisionState.APPROVED,
              Map.of("submitted_by", editor.username(), "approved_by", reviewer.username()));
          audit.record(editor.username(), "decision.imported", "decision", id, f.decisionNumber());
          Decision d = repository.find(id).orElseThrow();
          publishOn(d, publishedOn, reviewer.username(), false);
          return id;
        });
  }

  /** The steps the member of staff may take on the decision now, for pages to offer. */
  Set<String> allowedSteps(Decision d, Staff actor) {
    Set<String> steps = new HashSet<>();
    if (!access.mayWorkOn(actor, d.agencyId())) {
      return steps;
    }
    boolean reviewer = actor.role().reviews();
    boolean author = authors(d).contains(actor.username());
    boolean waived = agencies.get(d.agencyId()).fourEyesWaived();
    switch (d.state()) {
      case DRAFT -> steps.add("submit");
      case SUBMITTED -> {
        if (reviewer && (!author || waived)) {
          steps.add("approve");
        }
        if (reviewer) {
          steps.add("return");
        }
      }
      case APPROVED -> {
        if (reviewer && (!author || waived)) {
          steps.add("publish");
        }
        if (reviewer) {
          steps.add("return");
        }
      }
      case PUBLISHED -> {
        if (reviewer) {
          steps.add("revoke");
        }
      }
      default -> {}
    }
    return steps;
  }

  private void step(
      Decision d,
      DecisionState from,
      DecisionState to,
      Map<String, Object> set,
      Staff actor,
      String action,
      String detail) {
    if (d.state() != from) {
      throw Refusal.conflict(
          "decision.state." + from.name().toLowerCase(Locale.ROOT) + "-expected");
    }
    transactions.executeWithoutResult(
        tx -> {
          if (!repository.transition(d.id(), from, to, set)) {
            throw Refusal.conflict("decision.changed-meanwhile");
          }
          audit.record(actor.username(), action, "decision", d.id(), detail);
        });
  }

  private static Set<String> authors(Decision d) {
    Set<String> authors = new HashSet<>();
    authors.add(d.createdBy());
    if (d.submittedBy() != null) {
      authors.add(d.submittedBy());
    }
    return authors;
  }

  private static String required(String field, String value) {
    String v = DecisionRules.text(value);
    if (v == null || v.length() > 1000) {
      throw Refusal.invalidField(field, "decision.reason.required");
    }
    return v;
  }
}
