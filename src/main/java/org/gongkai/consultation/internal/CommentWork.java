package org.gongkai.consultation.internal;

import java.util.List;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Comments waiting for moderation in the staff member's agencies' consultations, the oldest first.
 */
@Component
class CommentWork implements WorkQueue {

  private static final String LIST = "/console/consultations";

  private final JdbcClient jdbc;
  private final StaffAccess access;

  CommentWork(JdbcClient jdbc, StaffAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  @Override
  public Section section() {
    return Section.INTERACTION;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    Set<Long> scope = access.agencyScope(staff);
    if (scope.isEmpty()) {
      return List.of(Work.none("todo.comments", LIST));
    }
    String pending =
        " FROM consultation_comment m JOIN consultation c ON c.id = m.consultation_id"
            + " WHERE m.state = 'PENDING' AND c.agency_id IN (:scope)";
    long total =
        jdbc.sql("SELECT COUNT(*)" + pending).param("scope", scope).query(Long.class).single();
    List<Item> items =
        limit == 0 || total == 0
            ? List.of()
            : jdbc.sql(
                    "SELECT c.id, c.title, COUNT(*) AS n, MIN(m.submitted_at) AS first"
                        + pending
                        + " GROUP BY c.id, c.title ORDER BY first FETCH FIRST "
                        + limit
                        + " ROWS ONLY")
                .param("scope", scope)
                .query(
                    (rs, n) ->
                        new Item(
                            rs.getString("title") + " (" + rs.getLong("n") + ")",
                            "/console/consultations/" + rs.getLong("id"),
                            null,
                            null))
                .list();
    return List.of(new Work("todo.comments", total, items, LIST));
  }
}
