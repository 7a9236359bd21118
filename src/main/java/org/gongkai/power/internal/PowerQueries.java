package org.gongkai.power.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.power.PowerType;
import org.gongkai.power.internal.Powers.Pending;
import org.gongkai.power.internal.Powers.Power;
import org.gongkai.power.internal.Powers.Summary;
import org.gongkai.power.internal.Powers.Version;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the power catalog. Kept apart from {@link Powers}, which writes it, so the SQL that decides
 * which version applies on a day and what the public may see stays in one place.
 */
@Component
class PowerQueries {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final Clock clock;

  PowerQueries(JdbcClient jdbc, AgencyDirectory agencies, StaffAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.access = access;
    this.clock = clock;
  }

  List<Summary> list(String agencyCode, PowerType type, String q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (agencyCode != null && !agencyCode.isBlank()) {
      Agency a = agency(agencyCode);
      where.append(" AND p.agency_id = :agency");
      params.put("agency", a.id());
    }
    LocalDate today = LocalDate.now(clock);
    params.put("today", today);
    List<Summary> all =
        jdbc.sql(
                "SELECT p.code, p.agency_id, v.name, v.type, v.unit FROM power_item p JOIN power_version v"
                    + " ON v.power_id = p.id AND v.version_no = (SELECT MAX(x.version_no) FROM power_version x WHERE x.power_id = p.id"
                    + " AND x.effective_on <= :today AND x.approved_by IS NOT NULL)"
                    + where
                    + " ORDER BY p.code")
            .params(params)
            .query(
                (rs, i) -> {
                  Agency a = agencies.get(rs.getLong(2));
                  return new Summary(
                      rs.getString(1),
                      rs.getString(3),
                      PowerType.valueOf(rs.getString(4)),
                      a.code(),
                      a.name(),
                      rs.getString(5));
                })
            .list();
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(s -> type == null || s.type() == type)
        .filter(
            s ->
                needle.isEmpty()
                    || s.name().toLowerCase(Locale.ROOT).contains(needle)
                    || s.code().toLowerCase(Locale.ROOT).contains(needle))
        .toList();
  }

  Power get(String code) {
    long[] item = item(code).orElseThrow(() -> Refusal.notFound("power.not-found"));
    List<Version> history =
        jdbc.sql(
                "SELECT * FROM power_version WHERE power_id = ? AND approved_by IS NOT NULL"
                    + " ORDER BY version_no DESC")
            .param(item[0])
            .query(
                (rs, i) ->
                    new Version(
                        rs.getInt("version_no"),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("name"),
                        PowerType.valueOf(rs.getString("type")),
                        rs.getString("legal_basis")
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList(),
                        rs.getString("unit"),
                        rs.getString("conditions"),
                        rs.getString("materials"),
                        rs.getString("time_limit"),
                        rs.getString("fees"),
                        rs.getString("contact"),
                        rs.getString("flow"),
                        rs.getString("change_note"),
                        rs.getString("created_by"),
                        Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class))))
            .list();
    LocalDate today = LocalDate.now(clock);
    Version current =
        history.stream()
            .filter(v -> !v.effectiveOn().isAfter(today))
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("power.not-yet-effective"));
    Agency agency = agencies.get(item[1]);
    return new Power(code, agency.code(), agency.name(), current, history);
  }

  List<Pending> pending(String agencyCode, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    return jdbc.sql(
            "SELECT p.code, v.version_no, v.name, v.type, v.effective_on, v.created_by, v.created_at"
                + " FROM power_version v JOIN power_item p ON p.id = v.power_id WHERE p.agency_id = ?"
                + " AND v.approved_by IS NULL ORDER BY p.code, v.version_no")
        .param(agency.id())
        .query(
            (rs, i) ->
                new Pending(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    PowerType.valueOf(rs.getString(4)),
                    rs.getObject(5, LocalDate.class),
                    rs.getString(6),
                    Timestamps.fromDb(rs.getObject(7, OffsetDateTime.class))))
        .list();
  }

  Optional<long[]> item(String code) {
    return jdbc.sql("SELECT id, agency_id FROM power_item WHERE code = ?")
        .param(code == null ? "" : code.strip())
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional();
  }

  Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.strip())
        .orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }
}
