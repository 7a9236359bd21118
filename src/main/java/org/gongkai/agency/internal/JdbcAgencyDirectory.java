package org.gongkai.agency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyChanged;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnChanged;
import org.gongkai.agency.ColumnType;
import org.gongkai.agency.DisclosureGuide;
import org.gongkai.agency.ReportLevel;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads come from {@link AgencySnapshots} outside a writing transaction, and from the database
 * inside one, which must see its own changes; every write publishes {@link AgencyChanged} or {@link
 * ColumnChanged}, which raises the public site's version.
 */
@Service
class JdbcAgencyDirectory implements AgencyDirectory {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;
  private final AgencySnapshots snapshots;
  private final ApplicationEventPublisher events;

  JdbcAgencyDirectory(
      JdbcClient jdbc,
      AuditTrail audit,
      MessageSource messages,
      Clock clock,
      AgencySnapshots snapshots,
      ApplicationEventPublisher events) {
    this.snapshots = snapshots;
    this.events = events;
    this.jdbc = jdbc;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public List<Agency> all() {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM agency ORDER BY sort_order, id")
          .query(JdbcAgencyDirectory::agency)
          .list();
    }
    return snapshots.current().all();
  }

  @Override
  public Optional<Agency> find(long id) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM agency WHERE id = ?")
          .param(id)
          .query(JdbcAgencyDirectory::agency)
          .optional();
    }
    return Optional.ofNullable(snapshots.current().byId().get(id));
  }

  @Override
  public Optional<Agency> findByCode(String code) {
    String normal = OrganizationCodes.normalize(code);
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM agency WHERE code = ?")
          .param(normal)
          .query(JdbcAgencyDirectory::agency)
          .optional();
    }
    return Optional.ofNullable(snapshots.current().byCode().get(normal));
  }

  @Override
  public Agency get(long id) {
    return find(id).orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }

  @Override
  public Set<Long> subtree(long agencyId) {
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

  @Override
  public List<Agency> path(long agencyId) {
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

  @Override
  public List<Column> columns(long agencyId) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM disclosure_column WHERE agency_id = ? ORDER BY sort_order, id")
          .param(agencyId)
          .query(JdbcAgencyDirectory::column)
          .list();
    }
    return snapshots.current().columnsByAgency().getOrDefault(agencyId, List.of());
  }

  @Override
  public List<Column> visibleColumns(long agencyId) {
    return columns(agencyId).stream().filter(c -> !c.hidden()).toList();
  }

  @Override
  public Optional<Column> column(long columnId) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return jdbc.sql("SELECT * FROM disclosure_column WHERE id = ?")
          .param(columnId)
          .query(JdbcAgencyDirectory::column)
          .optional();
    }
    return Optional.ofNullable(snapshots.current().columnsById().get(columnId));
  }

  @Override
  public Optional<Column> column(long agencyId, ColumnType type) {
    return columns(agencyId).stream().filter(c -> c.type() == type).findFirst();
  }

  @Override
  @Transactional
  public Agency create(AgencyForm form, String actor) {
    String code = checkedCode(form.getCode(), null);
    Long parentId = checkedParent(form.getParentId(), null);
    DisclosureGuide guide = form.guide();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO agency (code, name, parent_id, sort_order, guide_address, guide_office_hours, guide_phone,"
                + " guide_fax, guide_email, guide_postcode, guide_text, report_level, report_subtree, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            code,
            form.getName().trim(),
            parentId,
            nextAgencyOrder(),
            guide.address(),
            guide.officeHours(),
            guide.phone(),
            guide.fax(),
            guide.email(),
            guide.postcode(),
            guide.text(),
            reportLevel(form, parentId).name(),
            !Boolean.FALSE.equals(form.getReportsForSubtree()),
            Timestamps.toDb(Instant.now(clock)))
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKey()).longValue();
    int order = 0;
    for (ColumnType type : ColumnType.STANDARD) {
      String name =
          messages.getMessage("column.standard." + type.name(), null, Locale.SIMPLIFIED_CHINESE);
      insertColumn(id, null, name, type, order++);
    }
    events.publishEvent(new AgencyChanged(id, false));
    audit.record(actor, "agency.created", "agency", id, code + " " + form.getName());
    return get(id);
  }

  @Override
  @Transactional
  public Agency update(long agencyId, AgencyForm form, String actor) {
    Agency before = get(agencyId);
    String code = checkedCode(form.getCode(), agencyId);
    Long parentId = checkedParent(form.getParentId(), agencyId);
    DisclosureGuide g = form.guide();
    jdbc.sql(
            "UPDATE agency SET code = ?, name = ?, parent_id = ?, guide_address = ?, guide_office_hours = ?,"
                + " guide_phone = ?, guide_fax = ?, guide_email = ?, guide_postcode = ?, guide_text = ?,"
                + " report_level = ?, report_subtree = ? WHERE id = ?")
        .params(
            code,
            form.getName().trim(),
            parentId,
            g.address(),
            g.officeHours(),
            g.phone(),
            g.fax(),
            g.email(),
            g.postcode(),
            g.text(),
            reportLevel(form, parentId).name(),
            !Boolean.FALSE.equals(form.getReportsForSubtree()),
            agencyId)
        .update();
    events.publishEvent(
        new AgencyChanged(
            agencyId, !before.code().equals(code) || !before.name().equals(form.getName().trim())));
    audit.record(actor, "agency.updated", "agency", agencyId, code + " " + form.getName());
    return get(agencyId);
  }

  @Override
  @Transactional
  public void setFourEyesWaived(long agencyId, boolean waived, String reason, String actor) {
    Agency agency = get(agencyId);
    if (waived && (reason == null || reason.isBlank())) {
      throw Refusal.invalidField("reason", "agency.four-eyes.reason");
    }
    if (agency.fourEyesWaived() == waived) {
      return;
    }
    jdbc.sql("UPDATE agency SET four_eyes_waived = ? WHERE id = ?")
        .params(waived, agencyId)
        .update();
    events.publishEvent(new AgencyChanged(agencyId, false));
    audit.record(
        actor,
        waived ? "agency.four-eyes.waived" : "agency.four-eyes.restored",
        "agency",
        agencyId,
        waived ? reason.strip() : null);
  }

  @Override
  @Transactional
  public Column addColumn(
      long agencyId, Long parentId, String name, ColumnType type, String actor) {
    get(agencyId);
    String trimmed = checkedColumnName(name);
    if (parentId != null) {
      Column parent = column(parentId).orElseThrow(() -> Refusal.notFound("column.not-found"));
      if (parent.agencyId() != agencyId) {
        throw Refusal.invalidField("parentId", "column.parent.other-agency");
      }
    }
    int order =
        jdbc.sql(
                "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM disclosure_column WHERE agency_id = ?")
            .param(agencyId)
            .query(Integer.class)
            .single();
    long id =
        insertColumn(agencyId, parentId, trimmed, type == null ? ColumnType.GENERAL : type, order);
    events.publishEvent(new ColumnChanged(id, agencyId, false));
    audit.record(actor, "column.created", "column", id, trimmed);
    return column(id).orElseThrow();
  }

  @Override
  @Transactional
  public void renameColumn(long columnId, String name, String actor) {
    Column column = column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    String trimmed = checkedColumnName(name);
    jdbc.sql("UPDATE disclosure_column SET name = ? WHERE id = ?")
        .params(trimmed, columnId)
        .update();
    events.publishEvent(
        new ColumnChanged(columnId, column.agencyId(), !column.name().equals(trimmed)));
    audit.record(actor, "column.renamed", "column", columnId, column.name() + " -> " + trimmed);
  }

  @Override
  @Transactional
  public void moveColumn(long columnId, int direction, String actor) {
    Column column = column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    List<Column> siblings =
        columns(column.agencyId()).stream()
            .filter(c -> Objects.equals(c.parentId(), column.parentId()))
            .toList();
    int index = -1;
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).id() == columnId) {
        index = i;
      }
    }
    int target = index + Integer.signum(direction);
    if (index < 0 || target < 0 || target >= siblings.size()) {
      return;
    }
    List<Column> reordered = new ArrayList<>(siblings);
    Collections.swap(reordered, index, target);
    for (int i = 0; i < reordered.size(); i++) {
      jdbc.sql("UPDATE disclosure_column SET sort_order = ? WHERE id = ?")
          .params(i, reordered.get(i).id())
          .update();
    }
    events.publishEvent(new ColumnChanged(columnId, column.agencyId(), false));
    audit.record(actor, "column.moved", "column", columnId, direction < 0 ? "up" : "down");
  }

  @Override
  @Transactional
  public void setColumnHidden(long columnId, boolean hidden, String actor) {
    Column column = column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    jdbc.sql("UPDATE disclosure_column SET hidden = ? WHERE id = ?")
        .params(hidden, columnId)
        .update();
    events.publishEvent(new ColumnChanged(columnId, column.agencyId(), false));
    audit.record(actor, hidden ? "column.hidden" : "column.shown", "column", columnId, null);
  }

  @Override
  @Transactional
  public void setColumnParent(long columnId, Long parentId, String actor) {
    Column column = column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    if (parentId != null) {
      Long cursor = parentId;
      while (cursor != null) {
        if (cursor == columnId) {
          throw Refusal.invalidField("parentId", "column.parent.cycle");
        }
        Column c = column(cursor).orElseThrow(() -> Refusal.notFound("column.not-found"));
        if (c.agencyId() != column.agencyId()) {
          throw Refusal.invalidField("parentId", "column.parent.other-agency");
        }
        cursor = c.parentId();
      }
    }
    jdbc.sql("UPDATE disclosure_column SET parent_id = ? WHERE id = ?")
        .params(parentId, columnId)
        .update();
    events.publishEvent(new ColumnChanged(columnId, column.agencyId(), false));
    audit.record(actor, "column.reparented", "column", columnId, String.valueOf(parentId));
  }

  private long insertColumn(long agencyId, Long parentId, String name, ColumnType type, int order) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO disclosure_column (agency_id, parent_id, name, type, sort_order, hidden)"
                + " VALUES (?, ?, ?, ?, ?, FALSE)")
        .params(agencyId, parentId, name, type.name(), order)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  private String checkedCode(String raw, Long self) {
    String code = OrganizationCodes.normalize(raw);
    if (!OrganizationCodes.isValid(code)) {
      throw Refusal.invalidField("code", "agency.code.invalid");
    }
    Optional<Agency> holder = findByCode(code);
    if (holder.isPresent() && !Objects.equals(holder.get().id(), self)) {
      throw Refusal.invalidField("code", "agency.code.taken");
    }
    return code;
  }

  private Long checkedParent(Long parentId, Long self) {
    if (parentId == null) {
      return null;
    }
    if (find(parentId).isEmpty()) {
      throw Refusal.invalidField("parentId", "agency.parent.not-found");
    }
    if (self != null && subtree(self).contains(parentId)) {
      throw Refusal.invalidField("parentId", "agency.parent.cycle");
    }
    return parentId;
  }

  private static String checkedColumnName(String name) {
    if (name == null || name.isBlank()) {
      throw Refusal.invalidField("name", "column.name.required");
    }
    if (name.trim().length() > 100) {
      throw Refusal.invalidField("name", "field.too-long");
    }
    return name.trim();
  }

  private int nextAgencyOrder() {
    return jdbc.sql("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM agency")
        .query(Integer.class)
        .single();
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

  private static ReportLevel reportLevel(AgencyForm form, Long parentId) {
    if (form.getReportLevel() != null) {
      return form.getReportLevel();
    }
    return parentId == null ? ReportLevel.GOVERNMENT : ReportLevel.DEPARTMENT;
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
