package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What staff write and enter for an annual report: the figures of table 二 that only the agency
 * knows, corrections of counted ones, and the text of sections 一, 五 and 六. Each is audited; none is
 * accepted for a year whose report is drafted for publication.
 */
@Service
class ReportEntries {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final AnnualReports reports;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ReportEntries(
      JdbcClient jdbc,
      AgencyDirectory agencies,
      AnnualReports reports,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.reports = reports;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  void saveFigures(String agencyCode, int year, Map<String, BigDecimal> figures, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    List<String> allowed = ReportFormat.forYear(year).enteredKeys();
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    figures.forEach(
        (key, amount) -> {
          if (!allowed.contains(key)) {
            problems.add(new Refusal.FieldProblem(key, "report.figure.unknown", key));
          } else if (amount == null || (amount.signum() < 0 && !key.endsWith(".CHANGE"))) {
            problems.add(new Refusal.FieldProblem(key, "report.figure.invalid"));
          }
        });
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    requireNotFrozen(agency.id(), year);
    transactions.executeWithoutResult(
        tx -> {
          Instant now = Instant.now(clock);
          figures.forEach(
              (key, amount) -> {
                jdbc.sql(
                        "DELETE FROM report_figure WHERE agency_id = ? AND report_year = ? AND figure_key = ?")
                    .params(agency.id(), year, key)
                    .update();
                jdbc.sql(
                        "INSERT INTO report_figure (agency_id, report_year, figure_key, amount, entered_by, entered_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(agency.id(), year, key, amount, actor.username(), Timestamps.toDb(now))
                    .update();
                audit.record(
                    actor.username(),
                    "report.figure.entered",
                    "agency",
                    agency.id(),
                    year + " " + key + "=" + amount);
              });
        });
  }

  /**
   * Corrects a figure of table 二 that the platform counts from the catalog, for documents older
   * than the platform: the correction keeps who, when and why, and the computed value stays shown.
   */
  void saveCorrection(
      String agencyCode, int year, String key, BigDecimal amount, String reason, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    if (!ReportFormat.forYear(year).computedKeys().contains(key)) {
      throw Refusal.invalidField("key", "report.correction.unknown");
    }
    if (amount == null || amount.signum() < 0) {
      throw Refusal.invalidField("amount", "report.figure.invalid");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw Refusal.invalidField("reason", "report.correction.reason-required");
    }
    requireNotFrozen(agency.id(), year);
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "DELETE FROM report_figure WHERE agency_id = ? AND report_year = ? AND figure_key = ?")
              .params(agency.id(), year, key)
              .update();
          jdbc.sql(
                  "INSERT INTO report_figure (agency_id, report_year, figure_key, amount, entered_by, entered_at, reason)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  agency.id(),
                  year,
                  key,
                  amount,
                  actor.username(),
                  Timestamps.toDb(Instant.now(clock)),
                  reason.strip())
              .update();
          audit.record(
              actor.username(),
              "report.figure.corrected",
              "agency",
              agency.id(),
              year + " " + key + "=" + amount + " " + reason.strip());
        });
  }

  /** A report drafted for publication is fixed: its figures and its text alike. */
  private void requireNotFrozen(long agencyId, int year) {
    if (reports.frozen(agencyId, year)) {
      throw Refusal.conflictOn("year", "report.frozen-year", String.valueOf(year));
    }
  }

  void saveSection(String agencyCode, int year, String section, String body, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    if (!AnnualReport.TEXT_SECTIONS.contains(section)) {
      throw Refusal.invalidField("section", "report.section.unknown");
    }
    if (body != null && body.length() > 20000) {
      throw Refusal.invalidField("body", "field.too-long");
    }
    requireNotFrozen(agency.id(), year);
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "DELETE FROM report_text WHERE agency_id = ? AND report_year = ? AND section = ?")
              .params(agency.id(), year, section)
              .update();
          jdbc.sql(
                  "INSERT INTO report_text (agency_id, report_year, section, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
              .params(
                  agency.id(),
                  year,
                  section,
                  body == null ? "" : body.strip(),
                  actor.username(),
                  Timestamps.toDb(Instant.now(clock)))
              .update();
          audit.record(
              actor.username(), "report.text.saved", "agency", agency.id(), year + " " + section);
        });
  }

  private Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.trim())
        .orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }
}
