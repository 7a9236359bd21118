package org.gongkai.agency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.agency.DisclosureGuide;
import org.gongkai.agency.ReportLevel;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outside a writing transaction the snapshot answers, so public pages never touch the database;
 * inside one the database answers, because the transaction must see its own changes.
 */
@Component
class AgencyReads {

  private final JdbcClient jdbc;
  private final AgencySnapshots snapshots;

  AgencyReads(JdbcClient jdbc, AgencySnapshots snapshots) {
    this.jdbc = jdbc;
    this.snapshots = snapshots;
  }

  List<Agency> all() {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM agency ORDER BY sort_order, id")
          .query(AgencyReads::agency)
          .list();
    }
    return snapshots.current().all();
  }

  Optional<Agency> find(long id) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM agency WHERE id = ?")
          .param(id)
          .query(AgencyReads::agency)
          .optional();
    }
    return Optional.ofNullable(snapshots.current().byId().get(id));
  }

  Optional<Agency> findByCode(String code) {
    String normal = OrganizationCodes.normalize(code);
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM agency WHERE code = ?")
          .param(normal)
          .query(AgencyReads::agency)
          .optional();
    }
    return Optional.ofNullable(snapshots.current().byCode().get(normal));
  }

  Agency get(long id) {
    return find(id).orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }

  Set<Long> subtree(long agencyId) {
    List<Agency> all = all();
    Set<Long> result = new LinkedHashSet<>();
    result.add(agencyId);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Agency a : all) {
        if (a.parentId() != null && result.contains(a.parentId()) && result.add(a.id())) {
          grew = true;
        }
      }
    }
    return result;
  }

  List<Agency> path(long agencyId) {
    List<Agency> path = new ArrayList<>();
    Optional<Agency> current = find(agencyId);
    while (current.isPresent() && path.size() < 20) {
      path.add(current.get());
      current =
          current.get().parentId() == null ? Optional.empty() : find(current.get().parentId());
    }
    Collections.reverse(path);
    return path;
  }

  List<Column> columns(long agencyId) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM disclosure_column WHERE agency_id = ? ORDER BY sort_order, id")
          .param(agencyId)
          .query(AgencyReads::column)
          .list();
    }
    return snapshots.current().columnsByAgency().getOrDefault(agencyId, List.of());
  }

  List<Column> visibleColumns(long agencyId) {
    return columns(agencyId).stream().filter(c -> !c.hidden()).toList();
  }

  Optional<Column> column(long columnId) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM disclosure_column WHERE id = ?")
          .param(columnId)
          .query(AgencyReads::column)
          .optional();
    }
    return Optional.ofNullable(snapshots.current().columnsById().get(columnId));
  }

  Optional<Column> column(long agencyId, ColumnType type) {
    return columns(agencyId).stream().filter(c -> c.type() == type).findFirst();
  }

  static Agency agency(ResultSet rs, int row) throws SQLException {
    return new Agency(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getObject("parent_id", Long.class),
        rs.getInt("sort_order"),
        new DisclosureGuide(
            rs.getString("guide_address"),
            rs.getString("guide_office_hours"),
            rs.getString("guide_phone"),
            rs.getString("guide_fax"),
            rs.getString("guide_email"),
            rs.getString("guide_postcode"),
            rs.getString("guide_text")),
        ReportLevel.valueOf(rs.getString("report_level")),
        rs.getBoolean("report_subtree"),
        rs.getBoolean("four_eyes_waived"));
  }

  static Column column(ResultSet rs, int row) throws SQLException {
    return new Column(
        rs.getLong("id"),
        rs.getLong("agency_id"),
        rs.getObject("parent_id", Long.class),
        rs.getString("name"),
        ColumnType.valueOf(rs.getString("type")),
        rs.getString("description"),
        rs.getInt("sort_order"),
        rs.getBoolean("hidden"));
  }
}
