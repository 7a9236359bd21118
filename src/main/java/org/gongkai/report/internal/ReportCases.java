package org.gongkai.report.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The administrative reconsideration and litigation cases staff record about the agency's
 * disclosure decisions, and table 四 of the annual report counted from them.
 */
@Service
class ReportCases {

  static final List<String> CASE_KINDS =
      List.of("RECONSIDERATION", "LITIGATION_DIRECT", "LITIGATION_AFTER_RECONSIDERATION");
  static final List<String> CASE_RESULTS = List.of("UPHELD", "CORRECTED", "OTHER", "PENDING");

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final PublishedYears published;
  private final Clock clock;

  ReportCases(
      JdbcClient jdbc,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      PublishedYears published,
      Clock clock) {
    this.published = published;
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  record CaseForm(
      String kind, String reference, LocalDate filedOn, String result, LocalDate concludedOn) {}

  record Case(
      long id,
      String kind,
      String reference,
      LocalDate filedOn,
      String result,
      LocalDate concludedOn) {}

  long recordCase(String agencyCode, CaseForm form, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.kind() == null || !CASE_KINDS.contains(form.kind())) {
      problems.add(new Refusal.FieldProblem("kind", "report.case.kind"));
    }
    if (form.reference() == null || form.reference().isBlank() || form.reference().length() > 200) {
      problems.add(new Refusal.FieldProblem("reference", "report.case.reference"));
    }
    if (form.filedOn() == null || form.filedOn().isAfter(LocalDate.now(clock))) {
      problems.add(new Refusal.FieldProblem("filedOn", "report.case.filed-on"));
    }
    String result = form.result() == null ? "PENDING" : form.result();
    if (!CASE_RESULTS.contains(result)) {
      problems.add(new Refusal.FieldProblem("result", "report.case.result"));
    } else if (!result.equals("PENDING")
        && (form.concludedOn() == null
            || (form.filedOn() != null && form.concludedOn().isBefore(form.filedOn())))) {
      problems.add(new Refusal.FieldProblem("concludedOn", "report.case.concluded-on"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    // Table 四 counts a case in every year it was open; a published year's table stays as it was.
    int lastYear =
        result.equals("PENDING") || form.concludedOn() == null
            ? LocalDate.now(clock).getYear()
            : form.concludedOn().getYear();
    for (int y = form.filedOn().getYear(); y <= lastYear; y++) {
      if (published.isReported(agency.id(), y)) {
        throw Refusal.conflictOn("filedOn", "report.case.reported-year", String.valueOf(y));
      }
    }
    return transactions.execute(
        tx -> {
          var keys = new GeneratedKeyHolder();
          jdbc.sql(
                  "INSERT INTO report_case (agency_id, kind, reference, filed_on, result, concluded_on, recorded_by, recorded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  agency.id(),
                  form.kind(),
                  form.reference().strip(),
                  form.filedOn(),
                  result,
                  result.equals("PENDING") ? null : form.concludedOn(),
                  actor.username(),
                  Timestamps.toDb(Instant.now(clock)))
              .update(keys, "id");
          long id = keys.getKey().longValue();
          audit.record(
              actor.username(),
              "report.case.recorded",
              "report-case",
              id,
              form.kind() + " " + result);
          return id;
        });
  }

  List<Case> cases(String agencyCode, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    return jdbc.sql(
            "SELECT id, kind, reference, filed_on, result, concluded_on FROM report_case WHERE agency_id = ?"
                + " ORDER BY filed_on DESC, id DESC")
        .param(agency.id())
        .query(
            (rs, i) ->
                new Case(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class)))
        .list();
  }

  /**
   * Table 四: the cases open at some time in the year, by kind and by result (尚未审结 if concluded
   * after it).
   */
  List<AnnualReport.Table4Row> table4(Set<Long> scope, int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Map<String, int[]> counts = new LinkedHashMap<>();
    CASE_KINDS.forEach(k -> counts.put(k, new int[5]));
    jdbc.sql(
            "SELECT kind, result, concluded_on FROM report_case WHERE agency_id IN (:scope) AND filed_on <= :last"
                + " AND (concluded_on IS NULL OR concluded_on >= :first)")
        .param("scope", scope)
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) -> {
              LocalDate concluded = rs.getObject(3, LocalDate.class);
              String result =
                  concluded == null || concluded.isAfter(last) ? "PENDING" : rs.getString(2);
              int[] row = counts.get(rs.getString(1));
              row[CASE_RESULTS.indexOf(result)]++;
              row[4]++;
              return null;
            })
        .list();
    List<AnnualReport.Table4Row> rows = new ArrayList<>();
    counts.forEach(
        (k, v) -> rows.add(new AnnualReport.Table4Row(k, Arrays.stream(v).boxed().toList())));
    return rows;
  }

  private Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.trim())
        .orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }
}
