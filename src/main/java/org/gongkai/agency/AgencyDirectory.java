package org.gongkai.agency;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Agencies and their columns: the tree every other module hangs its records on. */
public interface AgencyDirectory {

  List<Agency> all();

  Optional<Agency> find(long id);

  Optional<Agency> findByCode(String code);

  Agency get(long id);

  /** The agency and all agencies below it. */
  Set<Long> subtree(long agencyId);

  /** Agencies from the root down to this one, for breadcrumbs. */
  List<Agency> path(long agencyId);

  List<Column> columns(long agencyId);

  List<Column> visibleColumns(long agencyId);

  Optional<Column> column(long columnId);

  Optional<Column> column(long agencyId, ColumnType type);

  /** Creates an agency with the standard columns. */
  Agency create(AgencyForm form, String actor);

  Agency update(long agencyId, AgencyForm form, String actor);

  /**
   * Lets a one-person agency approve its own work, or stops it; the office's decision, with its
   * reason, audited.
   */
  void setFourEyesWaived(long agencyId, boolean waived, String reason, String actor);

  Column addColumn(long agencyId, Long parentId, String name, ColumnType type, String actor);

  void renameColumn(long columnId, String name, String actor);

  void moveColumn(long columnId, int direction, String actor);

  void setColumnHidden(long columnId, boolean hidden, String actor);

  void setColumnParent(long columnId, Long parentId, String actor);
}
