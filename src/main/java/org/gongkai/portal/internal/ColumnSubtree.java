package org.gongkai.portal.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.agency.Column;

/** A column and the columns below it, at any depth, of those an agency shows. */
final class ColumnSubtree {

  private ColumnSubtree() {}

  /** The column's id first, then those of the columns of {@code visible} below it. */
  static Set<Long> of(Column column, List<Column> visible) {
    Set<Long> ids = new LinkedHashSet<>();
    ids.add(column.id());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Column c : visible) {
        if (c.parentId() != null && ids.contains(c.parentId()) && ids.add(c.id())) {
          grew = true;
        }
      }
    }
    return ids;
  }
}
