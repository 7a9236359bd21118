package org.gongkai.imports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of the agency's columns an old site's column goes to, by the old column's name (the
 * ColumnName meta tag, a spreadsheet's column cell) or, from our own export, its id. The agency's
 * administrator edits it; an import that names mappings adds them. {@code *} maps the documents
 * whose page names no column.
 */
@Service
@Transactional
class ColumnMappings {

  static final int MAX_NAME = 200;

  /** The old column name that stands for documents that name none. */
  static final String ANY = "*";

  private final ColumnMappingRepository mappings;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;

  ColumnMappings(
      ColumnMappingRepository mappings,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit) {
    this.mappings = mappings;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  Map<String, Long> of(long agencyId) {
    return mappings.of(agencyId);
  }

  /** Every problem of a mapping at once: an empty old name, a column not of the agency. */
  List<Refusal.FieldProblem> problems(long agencyId, Map<String, Long> given) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    given.forEach(
        (name, columnId) -> {
          if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            problems.add(new Refusal.FieldProblem("columnMapping", "import.mapping.name", name));
          } else if (columnId == null
              || agencies.column(columnId).map(Column::agencyId).orElse(-1L) != agencyId) {
            problems.add(
                new Refusal.FieldProblem("columnMapping", "import.mapping.column", name, columnId));
          }
        });
    return problems;
  }

  void put(long agencyId, Map<String, Long> given, Staff actor) {
    access.requireAdministrator(actor, agencyId);
    List<Refusal.FieldProblem> problems = problems(agencyId, given);
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    given.forEach(
        (name, columnId) -> {
          mappings.put(agencyId, name.strip(), columnId);
          audit.record(
              actor.username(),
              "import.mapping.set",
              "agency",
              agencyId,
              name.strip() + " -> " + columnId);
        });
  }

  void remove(long agencyId, String oldName, Staff actor) {
    access.requireAdministrator(actor, agencyId);
    mappings.remove(agencyId, oldName);
    audit.record(actor.username(), "import.mapping.removed", "agency", agencyId, oldName);
  }
}
