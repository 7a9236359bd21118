package org.gongkai.agency.internal;

import java.time.Clock;
import java.time.Instant;
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
  private final ApplicationEventPublisher events;
  private final AgencyReads reads;
  private final ColumnCommands columnCommands;

  JdbcAgencyDirectory(
      JdbcClient jdbc,
      AuditTrail audit,
      MessageSource messages,
      Clock clock,
      ApplicationEventPublisher events,
      AgencyReads reads,
      ColumnCommands columnCommands) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.events = events;
    this.reads = reads;
    this.columnCommands = columnCommands;
  }

  @Override
  public List<Agency> all() {
    return reads.all();
  }

  @Override
  public Optional<Agency> find(long id) {
    return reads.find(id);
  }

  @Override
  public Optional<Agency> findByCode(String code) {
    return reads.findByCode(code);
  }

  @Override
  public Agency get(long id) {
    return reads.get(id);
  }

  @Override
  public Set<Long> subtree(long agencyId) {
    return reads.subtree(agencyId);
  }

  @Override
  public List<Agency> path(long agencyId) {
    return reads.path(agencyId);
  }

  @Override
  public List<Column> columns(long agencyId) {
    return reads.columns(agencyId);
  }

  @Override
  public List<Column> visibleColumns(long agencyId) {
    return reads.visibleColumns(agencyId);
  }

  @Override
  public Optional<Column> column(long columnId) {
    return reads.column(columnId);
  }

  @Override
  public Optional<Column> column(long agencyId, ColumnType type) {
    return reads.column(agencyId, type);
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
      columnCommands.insertColumn(id, null, name, type, order++);
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
    return columnCommands.addColumn(agencyId, parentId, name, type, actor);
  }

  @Override
  @Transactional
  public void renameColumn(long columnId, String name, String actor) {
    columnCommands.renameColumn(columnId, name, actor);
  }

  @Override
  @Transactional
  public void moveColumn(long columnId, int direction, String actor) {
    columnCommands.moveColumn(columnId, direction, actor);
  }

  @Override
  @Transactional
  public void setColumnHidden(long columnId, boolean hidden, String actor) {
    columnCommands.setColumnHidden(columnId, hidden, actor);
  }

  @Override
  @Transactional
  public void setColumnParent(long columnId, Long parentId, String actor) {
    columnCommands.setColumnParent(columnId, parentId, actor);
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

  private int nextAgencyOrder() {
    return jdbc.sql("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM agency")
        .query(Integer.class)
        .single();
  }

  private static ReportLevel reportLevel(AgencyForm form, Long parentId) {
    if (form.getReportLevel() != null) {
      return form.getReportLevel();
    }
    return parentId == null ? ReportLevel.GOVERNMENT : ReportLevel.DEPARTMENT;
  }
}
