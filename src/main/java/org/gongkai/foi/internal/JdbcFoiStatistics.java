package org.gongkai.foi.internal;

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
 * Table 三 counted from the requests' recorded dates: received in the period, received before it
 * and not concluded before it (carried over), concluded in it by outcome, and not concluded by its
 * end (carried forward). So for every column received + carried over = total + carried forward.
 */
@Service
class JdbcFoiStatistics implements FoiStatistics {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  JdbcFoiStatistics(JdbcClient jdbc, AgencyDirectory agencies, StaffAccess access, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public RequestTable table(Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    Map<String, int[]> rows = new LinkedHashMap<>();
    RequestTable.ROW_KEYS.forEach(k -> rows.put(k, new int[7]));
    if (!agencyIds.isEmpty()) {
      add(rows.get("RECEIVED"), counts("received_on >= :first AND received_on <= :last", agencyIds, first, last));
      add(rows.get("CARRIED_OVER"), counts("received_on < :first AND (concluded_on IS NULL OR concluded_on >= :first)",
          agencyIds, first, last));
      add(rows.get("CARRIED_FORWARD"), counts("received_on <= :last AND (concluded_on IS NULL OR concluded_on > :last)",
          agencyIds, first, last));
      jdbc.sql("SELECT outcome, applicant_type, COUNT(*) FROM foi_request WHERE agency_id IN (:agencies)"
              + " AND concluded_on >= :first AND concluded_on <= :last AND outcome IS NOT NULL GROUP BY outcome, applicant_type")
          .param("agencies", agencyIds).param("first", first).param("last", last)
          .query((rs, i) -> {
            int[] row = rows.get(Outcome.valueOf(rs.getString(1)).name());
            row[ApplicantType.valueOf(rs.getString(2)).ordinal()] += rs.getInt(3);
            return null;
          }).list();
      int[] total = rows.get("TOTAL");
      for (Outcome o : Outcome.values()) {
        add(total, rows.get(o.name()));
      }
    }
    List<RequestTable.Row> result = new ArrayList<>();
    rows.forEach((key, cells) -> {
      int sum = 0;
      for (int c = 0; c < 6; c++) {
        sum += cells[c];
      }
      cells[6] = sum;
      List<Integer> list = new ArrayList<>();
      for (int c : cells) {
        list.add(c);
      }
      result.add(new RequestTable.Row(key, List.copyOf(list)));
    });
    return new RequestTable(List.copyOf(result));
  }

  private int[] counts(String condition, Collection<Long> agencyIds, LocalDate first, LocalDate last) {
    int[] cells = new int[7];
    jdbc.sql("SELECT applicant_type, COUNT(*) FROM foi_request WHERE agency_id IN (:agencies) AND received_on IS NOT NULL AND "
            + condition + " GROUP BY applicant_type")
        .param("agencies", agencyIds).param("first", first).param("last", last)
        .query((rs, i) -> {
          cells[ApplicantType.valueOf(rs.getString(1)).ordinal()] += rs.getInt(2);
          return null;
        }).list();
    return cells;
  }

  private static void add(int[] into, int[] from) {
    for (int c = 0; c < 6; c++) {
      into[c] += from[c];
    }
  }

  @Override
  @Transactional(readOnly = true)
  public MonthlyStatistics month(long agencyId, YearMonth month) {
    Agency agency = agencies.get(agencyId);
    RequestTable table = table(List.of(agencyId), month.atDay(1), month.atEndOfMonth());
    Optional<Filing> filing = filing(agencyId, month);
    return new MonthlyStatistics(agency.code(), agency.name(), month.toString(), filing.isPresent(),
        filing.map(Filing::zero).orElse(false), filing.map(Filing::by).orElse(null), filing.map(Filing::at).orElse(null),
        table);
  }

  record Filing(boolean zero, String by, Instant at) {}

  private Optional<Filing> filing(long agencyId, YearMonth month) {
    return jdbc.sql("SELECT zero_report, filed_by, filed_at FROM foi_monthly_report WHERE agency_id = ? AND report_month = ?")
        .params(agencyId, month.toString())
        .query((rs, i) -> new Filing(rs.getBoolean(1), rs.getString(2),
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
    jdbc.sql("INSERT INTO foi_monthly_report (agency_id, report_month, zero_report, filed_by, filed_at) VALUES (?, ?, ?, ?, ?)")
        .params(agencyId, month.toString(), zero, actor.username(), Timestamps.toDb(Instant.now(clock))).update();
    audit.record(actor.username(), zero ? "foi.statistics.zero-report" : "foi.statistics.filed", "agency", agencyId,
        month.toString());
    return month(agencyId, month);
  }

  /** For the open government office: every agency in scope and whether it filed the month. */
  @Transactional(readOnly = true)
  public List<MonthlyStatistics> overview(YearMonth month, Staff actor) {
    var scope = access.agencyScope(actor);
    return agencies.all().stream().filter(a -> scope.contains(a.id())).map(a -> month(a.id(), month)).toList();
  }
}
