package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.assessment.internal.AssessmentRepository.Assessment;
import org.gongkai.assessment.internal.AssessmentRepository.State;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessor's points for what the platform cannot know, each with its reason and, if any, its
 * file.
 */
@Service
class AssessmentEntries {

  static final String FILES = "assessment-files";

  private final Assessments service;
  private final AssessmentRepository assessments;
  private final Schemes schemes;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final StoredFiles files;
  private final Clock clock;

  AssessmentEntries(
      Assessments service,
      AssessmentRepository assessments,
      Schemes schemes,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      StoredFiles files,
      Clock clock) {
    this.service = service;
    this.assessments = assessments;
    this.schemes = schemes;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.files = files;
    this.clock = clock;
  }

  /** Points with a reason (and a file) for an indicator of an agency; for a veto item, the veto. */
  void enter(
      int year,
      String agencyCode,
      String code,
      BigDecimal points,
      String reason,
      String fileName,
      byte[] file,
      Staff actor) {
    access.requirePlatformAdmin(actor);
    Agency agency = service.agency(agencyCode);
    transactions.executeWithoutResult(
        tx -> {
          Assessment a = service.open(year);
          service.requireAssessed(a, agency);
          Indicator indicator =
              schemes
                  .get(year)
                  .find(code)
                  .filter(i -> i.kind() != IndicatorKind.CATEGORY)
                  .orElseThrow(() -> Refusal.notFound("assessment.indicator.not-found", code));
          List<Refusal.FieldProblem> problems = new ArrayList<>();
          BigDecimal value = indicator.kind() == IndicatorKind.VETO ? BigDecimal.ZERO : points;
          if (value == null) {
            problems.add(new Refusal.FieldProblem("points", "assessment.entry.points-required"));
          } else if (value.signum() < 0
              || value.compareTo(indicator.maxPoints()) > 0
              || value.scale() > 2) {
            problems.add(
                new Refusal.FieldProblem(
                    "points",
                    "assessment.entry.points-range",
                    SchemeCheck.plain(indicator.maxPoints())));
          }
          String why = reason == null ? "" : reason.strip();
          if (why.isEmpty() || why.length() > 2000) {
            problems.add(new Refusal.FieldProblem("reason", "assessment.entry.reason-required"));
          }
          if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
          }
          String name = null;
          String type = null;
          String sha = null;
          if (file != null && file.length > 0) {
            var stored =
                files.store(
                    FILES,
                    fileName == null || fileName.isBlank() ? "evidence" : fileName,
                    file,
                    EnumSet.allOf(FileTypes.Type.class),
                    () -> Refusal.invalidField("file", "attachment.type"));
            name = stored.name();
            type = stored.contentType();
            sha = stored.sha256();
          }
          assessments.putEntry(
              year,
              agency.id(),
              new Scoring.Entry(code, value, why, name, actor.username()),
              type,
              sha,
              Instant.now(clock));
          audit.record(
              actor.username(),
              "assessment.entry.saved",
              "assessment",
              year,
              agency.code() + " " + code + " " + SchemeCheck.plain(value));
        });
  }

  void removeEntry(int year, String agencyCode, String code, Staff actor) {
    access.requirePlatformAdmin(actor);
    Agency agency = service.agency(agencyCode);
    transactions.executeWithoutResult(
        tx -> {
          service.open(year);
          if (!assessments.deleteEntry(year, agency.id(), code)) {
            throw Refusal.notFound("assessment.entry.not-found");
          }
          audit.record(
              actor.username(),
              "assessment.entry.removed",
              "assessment",
              year,
              agency.code() + " " + code);
        });
  }

  /** The file behind an entry, for the office and the agency's own staff. */
  AssessmentRepository.StoredEntry entryFile(
      int year, String agencyCode, String code, Staff viewer) {
    Agency agency = service.agency(agencyCode);
    standingAccess(year, agency, viewer);
    return assessments.storedEntries(year).stream()
        .filter(
            e ->
                e.agencyId() == agency.id()
                    && e.entry().code().equals(code)
                    && e.fileSha256() != null)
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("assessment.entry.not-found"));
  }

  private void standingAccess(int year, Agency agency, Staff viewer) {
    Assessment a = service.get(year);
    if (!viewer.isPlatformAdmin()
        && (a.state() == State.DRAFT || !access.mayWorkOn(viewer, agency.id()))) {
      throw Refusal.notFound("assessment.not-released", String.valueOf(year));
    }
  }
}
