package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.foi.MonthlyStatistics;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestTable;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table 三 counted from the requests' histories (RequestTable.of): received in the period, carried
 * over into it, concluded in it by outcome, carried forward. So for every column received + carried
 * over = total + carried forward. Handling times, on-time shares and "overdue" use the transition
 * table's one definition ({@link Step#OVERDUE_SQL}).
 */
@Service
class JdbcFoiStatistics implements FoiStatistics {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;
  private final WorkingCalendar calendar;

  JdbcFoiStatistics(
      JdbcClient jdbc,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      Clock clock,
      WorkingCalendar calendar) {
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public RequestTable table(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return RequestTable.of(List.of(), first, last);
    }
    // Only requests received by the end of the period and not concluded for good before it can
    // count; each is counted from its history: the day it was received (acknowledged, for one made
    // online), and its conclusions and reopenings.
    Map<Long, FactBuilder> facts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT r.id, r.applicant_type, e.kind, e.effective_on, e.outcome FROM foi_request r"
                + " JOIN foi_event e ON e.request_id = r.id"
                + " WHERE r.agency_id IN (:agencies)"
                + " AND e.kind IN ('SUBMITTED', 'REPLIED', 'CLOSED', 'REOPENED')"
                + " AND (r.concluded_on IS NULL OR r.concluded_on >= :first)"
                + " AND EXISTS (SELECT 1 FROM foi_event s WHERE s.request_id = r.id"
                + " AND s.kind = 'SUBMITTED' AND s.effective_on <= :last)"
                + " ORDER BY r.id, e.id")
        .param("agencies", agencyIds)
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) -> {
              ApplicantType type = ApplicantType.valueOf(rs.getString(2));
              FactBuilder f = facts.computeIfAbsent(rs.getLong(1), id -> new FactBuilder(type));
              String kind = rs.getString(3);
              LocalDate on = rs.getObject(4, LocalDate.class);
              switch (kind) {
                case "SUBMITTED" -> f.receivedOn = on;
                case "REOPENED" -> f.changes.add(new RequestTable.Change(on, null));
                default ->
                    f.changes.add(
                        new RequestTable.Change(
                            on,
                            rs.getString(5) == null
                                ? Outcome.OTHER
                                : Outcome.valueOf(rs.getString(5))));
              }
              return null;
            })
        .list();
    return RequestTable.of(
        facts.values().stream()
            .map(f -> new RequestTable.Fact(f.applicantType, f.receivedOn, f.changes))
            .toList(),
        first,
        last);
  }

  private static final class FactBuilder {
    final ApplicantType applicantType;
    final List<RequestTable.Change> changes = new ArrayList<>();
    LocalDate receivedOn;

    FactBuilder(ApplicantType applicantType) {
      this.applicantType = applicantType;
    }
  }

  @Override
  @Transactional(readOnly = true)
  public FeeFigures fees(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return new FeeFigures(0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
    return jdbc.sql(
            "SELECT"
                + " (SELECT COUNT(*) FROM foi_event e JOIN foi_request r ON r.id = e.request_id WHERE e.kind = 'FEE_NOTIFIED'"
                + "   AND r.agency_id IN (:agencies) AND e.effective_on BETWEEN :first AND :last),"
                + " (SELECT COALESCE(SUM(e.amount), 0) FROM foi_event e JOIN foi_request r ON r.id = e.request_id"
                + "   WHERE e.kind = 'FEE_NOTIFIED' AND r.agency_id IN (:agencies) AND e.effective_on BETWEEN :first AND :last),"
                + " (SELECT COALESCE(SUM(n.amount), 0) FROM foi_event p JOIN foi_request r ON r.id = p.request_id"
                + "   JOIN foi_event n ON n.request_id = p.request_id AND n.kind = 'FEE_NOTIFIED'"
                + "   WHERE p.kind = 'FEE_PAID' AND r.agency_id IN (:agencies) AND p.effective_on BETWEEN :first AND :last)")
        .param("agencies", agencyIds)
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) ->
                new FeeFigures(
                    rs.getLong(1), plain(rs.getBigDecimal(2)), plain(rs.getBigDecimal(3))))
        .single();
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  @Override
  @Transactional(readOnly = true)
  public List<MonthlyOutcomes> outcomesPerMonth(
      Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT EXTRACT(YEAR FROM concluded_on), EXTRACT(MONTH FROM concluded_on), outcome, COUNT(*)"
                + " FROM foi_request WHERE agency_id IN (:agencies) AND outcome IS NOT NULL"
                + " AND concluded_on BETWEEN :first AND :last"
                + " GROUP BY EXTRACT(YEAR FROM concluded_on), EXTRACT(MONTH FROM concluded_on), outcome ORDER BY 1, 2, 3")
        .param("agencies", agencyIds)
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) ->
                new MonthlyOutcomes(
                    String.format("%04d-%02d", rs.getInt(1), rs.getInt(2)),
                    Outcome.valueOf(rs.getString(3)),
                    rs.getLong(4)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Concluded> concluded(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id, tracking_code, received_on, due_on, concluded_on, recorded_late FROM foi_request WHERE agency_id IN (:agencies)"
                + " AND received_on IS NOT NULL AND concluded_on BETWEEN :first AND :last ORDER BY concluded_on, id")
        .param("agencies", agencyIds)
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) ->
                new Concluded(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getBoolean(6)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Handling handling(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    if (agencyIds.isEmpty()) {
      return new Handling(0, 0, 0, 0, 0, 0);
    }
    var days = calendar.current();
    long[] totals = new long[4];
    int[] max = new int[1];
    jdbc.sql(
            "SELECT received_on, concluded_on, due_on, recorded_late FROM foi_request WHERE agency_id IN (:agencies)"
                + " AND received_on IS NOT NULL AND concluded_on BETWEEN :first AND :last")
        .param("agencies", agencyIds)
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) -> {
              LocalDate received = rs.getObject(1, LocalDate.class);
              LocalDate concluded = rs.getObject(2, LocalDate.class);
              LocalDate due = rs.getObject(3, LocalDate.class);
              boolean recordedLate = rs.getBoolean(4);
              int taken = days.workingDaysBetween(received, concluded);
              totals[0]++;
              totals[1] += taken;
              max[0] = Math.max(max[0], taken);
              if (!recordedLate && (due == null || !concluded.isAfter(due))) {
                totals[2]++;
              }
              if (recordedLate) {
                totals[3]++;
              }
              return null;
            })
        .list();
    long overdue =
        jdbc.sql(
                "SELECT COUNT(*) FROM foi_request WHERE agency_id IN (:agencies) AND "
                    + Step.OVERDUE_SQL)
            .param("agencies", agencyIds)
            .param("today", LocalDate.now(clock))
            .query(Long.class)
            .single();
    double average = totals[0] == 0 ? 0 : Math.round(10.0 * totals[1] / totals[0]) / 10.0;
    return new Handling(totals[0], average, max[0], totals[2], totals[3], overdue);
  }

  @Override
  @Transactional(readOnly = true)
  public MonthlyStatistics month(long agencyId, YearMonth month) {
    Agency agency = agencies.get(agencyId);
    RequestTable table = table(List.of(agencyId), month.atDay(1), month.atEndOfMonth());
    Optional<Filing> filing = filing(agencyId, month);
    return new MonthlyStatistics(
        agency.code(),
        agency.name(),
        month.toString(),
        filing.isPresent(),
        filing.map(Filing::zero).orElse(false),
        filing.map(Filing::by).orElse(null),
        filing.map(Filing::at).orElse(null),
        table);
  }

  record Filing(boolean zero, String by, Instant at) {}

  private Optional<Filing> filing(long agencyId, YearMonth month) {
    return jdbc.sql(
            "SELECT zero_report, filed_by, filed_at FROM foi_monthly_report WHERE agency_id = ? AND report_month = ?")
        .params(agencyId, month.toString())
        .query(
            (rs, i) ->
                new Filing(
                    rs.getBoolean(1),
                    rs.getString(2),
                    Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class))))
        .optional();
  }

  /** The agency files a finished month; with nothing received the filing is its zero report. */
  @Transactional
  public MonthlyStatistics file(long agencyId, YearMonth month, Staff actor) {
    access.requireReviewer(actor, agencyId);
    if (!month.isBefore(YearMonth.now(clock))) {
      throw Refusal.conflict("foi.statistics.month-not-over");
    }
    if (filing(agencyId, month).isPresent()) {
      throw Refusal.conflict("foi.statistics.already-filed");
    }
    MonthlyStatistics stats = month(agencyId, month);
    boolean zero = stats.table().row("RECEIVED").total() == 0;
    jdbc.sql(
            "INSERT INTO foi_monthly_report (agency_id, report_month, zero_report, filed_by, filed_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            agencyId, month.toString(), zero, actor.username(), Timestamps.toDb(Instant.now(clock)))
        .update();
    audit.record(
        actor.username(),
        zero ? "foi.statistics.zero-report" : "foi.statistics.filed",
        "agency",
        agencyId,
        month.toString());
    return month(agencyId, month);
  }

  /** For the open government office: every agency in scope and whether it filed the month. */
  @Transactional(readOnly = true)
  public List<MonthlyStatistics> overview(YearMonth month, Staff actor) {
    return access.agenciesInScope(actor).stream().map(a -> month(a.id(), month)).toList();
  }
}
