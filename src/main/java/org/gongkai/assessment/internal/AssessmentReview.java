package org.gongkai.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.assessment.AssessmentPublished;
import org.gongkai.assessment.internal.AssessmentRepository.Assessment;
import org.gongkai.assessment.internal.AssessmentRepository.State;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The draft released for objections within a period, the office's answers, the final result stored
 * whole, and its publication on the portal.
 */
@Service
class AssessmentReview {

  private final Assessments service;
  private final AssessmentRepository assessments;
  private final Schemes schemes;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  AssessmentReview(
      Assessments service,
      AssessmentRepository assessments,
      Schemes schemes,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.service = service;
    this.assessments = assessments;
    this.schemes = schemes;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Shows the draft to the agencies, who may object until the day given (inclusive). */
  void release(int year, LocalDate until, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (until == null || until.isBefore(service.today())) {
      throw Refusal.invalidField("until", "assessment.release.until");
    }
    transactions.executeWithoutResult(
        tx -> {
          service.open(year);
          assessments.release(year, until);
          audit.record(
              actor.username(),
              "assessment.released",
              "assessment",
              year,
              "objections until " + until);
        });
  }

  /**
   * An agency's objection to its draft result, within the period; {@code code} null for the result
   * as a whole.
   */
  long object(int year, String agencyCode, String code, String text, Staff actor) {
    Agency agency = service.agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.length() > 2000) {
      throw Refusal.invalidField("text", "assessment.objection.text");
    }
    String indicator = code == null || code.isBlank() ? null : code.strip();
    return transactions.execute(
        tx -> {
          Assessment a = locked(year);
          if (a.state() != State.REVIEW) {
            throw Refusal.conflict("assessment.objection.not-open");
          }
          if (service.today().isAfter(a.objectionsUntil())) {
            throw Refusal.conflict("assessment.objection.period-over", a.objectionsUntil());
          }
          service.requireAssessed(a, agency);
          if (indicator != null && schemes.get(year).find(indicator).isEmpty()) {
            throw Refusal.invalidField("indicator", "assessment.indicator.not-found", indicator);
          }
          long id =
              assessments.insertObjection(
                  year, agency.id(), indicator, body, actor.username(), Instant.now(clock));
          audit.record(
              actor.username(),
              "assessment.objection.raised",
              "assessment-objection",
              id,
              year + " " + agency.code() + (indicator == null ? "" : " " + indicator));
          return id;
        });
  }

  /**
   * The office's answer: ACCEPTED (the points are corrected by an entry) or REJECTED, with its
   * reasons.
   */
  void answer(int year, long objectionId, String decision, String answer, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (!"ACCEPTED".equals(decision) && !"REJECTED".equals(decision)) {
      throw Refusal.invalidField("decision", "assessment.objection.decision");
    }
    String text = answer == null ? "" : answer.strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw Refusal.invalidField("answer", "assessment.objection.answer");
    }
    transactions.executeWithoutResult(
        tx -> {
          service.open(year);
          if (!assessments.answerObjection(
              objectionId, year, decision, text, actor.username(), Instant.now(clock))) {
            throw Refusal.conflict("assessment.objection.answered");
          }
          audit.record(
              actor.username(),
              "assessment.objection." + decision.toLowerCase(Locale.ROOT),
              "assessment-objection",
              objectionId,
              String.valueOf(year));
        });
  }

  /**
   * Stores every agency's result as it stands: after this, nothing the scheme or the records do
   * changes it.
   */
  void finalise(int year, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(
        tx -> {
          Assessment a = locked(year);
          if (a.state() != State.REVIEW) {
            throw Refusal.conflict("assessment.finalise.not-released");
          }
          if (!service.today().isAfter(a.objectionsUntil())) {
            throw Refusal.conflict("assessment.finalise.period-open", a.objectionsUntil());
          }
          long open =
              assessments.objections(year).stream()
                  .filter(AssessmentRepository.Objection::open)
                  .count();
          if (open > 0) {
            throw Refusal.conflict("assessment.finalise.objections-open", open);
          }
          List<Scoring.AgencyResult> results = service.compute(a, schemes.get(year));
          results.forEach(r -> assessments.store(year, r));
          assessments.finalise(year, actor.username(), Instant.now(clock));
          audit.record(
              actor.username(),
              "assessment.finalised",
              "assessment",
              year,
              results.size() + " agencies");
        });
  }

  /** Shows or hides a final ranking on the portal. */
  void publish(int year, boolean published, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(
        tx -> {
          Assessment a = locked(year);
          if (a.state() != State.FINAL) {
            throw Refusal.conflict("assessment.publish.not-final");
          }
          assessments.setPublished(year, published);
          events.publishEvent(new AssessmentPublished(year, published));
          audit.record(
              actor.username(),
              published ? "assessment.published" : "assessment.unpublished",
              "assessment",
              year,
              "");
        });
  }

  /** The year's assessment, locked until the transaction ends; refused when there is none. */
  private Assessment locked(int year) {
    return assessments
        .lock(year)
        .orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
  }
}
