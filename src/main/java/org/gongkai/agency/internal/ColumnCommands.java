package org.gongkai.agency.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnChanged;
import org.gongkai.agency.ColumnType;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Runs inside the transaction {@link JdbcAgencyDirectory} opens, so its reads see the writes before
 * them.
 */
@Component
class ColumnCommands {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final AgencyReads reads;

  ColumnCommands(
      JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, AgencyReads reads) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.reads = reads;
  }

  Column addColumn(long agencyId, Long parentId, String name, ColumnType type, String actor) {
    reads.get(agencyId);
    String trimmed = checkedColumnName(name);
    if (parentId != null) {
      Column parent =
          reads.column(parentId).orElseThrow(() -> Refusal.notFound("column.not-found"));
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
    return reads.column(id).orElseThrow();
  }

  void renameColumn(long columnId, String name, String actor) {
    Column column = reads.column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    String trimmed = checkedColumnName(name);
    jdbc.sql("UPDATE disclosure_column SET name = ? WHERE id = ?")
        .params(trimmed, columnId)
        .update();
    events.publishEvent(
        new ColumnChanged(columnId, column.agencyId(), !column.name().equals(trimmed)));
    audit.record(actor, "column.renamed", "column", columnId, column.name() + " -> " + trimmed);
  }

  void moveColumn(long columnId, int direction, String actor) {
    Column column = reads.column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    List<Column> siblings =
        reads.columns(column.agencyId()).stream()
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

  void setColumnHidden(long columnId, boolean hidden, String actor) {
    Column column = reads.column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    jdbc.sql("UPDATE disclosure_column SET hidden = ? WHERE id = ?")
        .params(hidden, columnId)
        .update();
    events.publishEvent(new ColumnChanged(columnId, column.agencyId(), false));
    audit.record(actor, hidden ? "column.hidden" : "column.shown", "column", columnId, null);
  }

  void setColumnParent(long columnId, Long parentId, String actor) {
    Column column = reads.column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    if (parentId != null) {
      Long cursor = parentId;
      while (cursor != null) {
        if (cursor == columnId) {
          throw Refusal.invalidField("parentId", "column.parent.cycle");
        }
        Column c = reads.column(cursor).orElseThrow(() -> Refusal.notFound("column.not-found"));
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

  long insertColumn(long agencyId, Long parentId, String name, ColumnType type, int order) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO disclosure_column (agency_id, parent_id, name, type, sort_order, hidden)"
                + " VALUES (?, ?, ?, ?, ?, FALSE)")
        .params(agencyId, parentId, name, type.name(), order)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
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
}
