package org.gongkai.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.catalog.DocumentFinder;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.EditorialQuery;
import org.gongkai.shared.web.PageResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's document list: each document's newest edition in the agencies asked for, filtered
 * and ordered.
 */
@Repository
class EditorialListing {

  private final JdbcClient jdbc;
  private final ObjectProvider<DocumentFinder> finder;

  EditorialListing(JdbcClient jdbc, ObjectProvider<DocumentFinder> finder) {
    this.jdbc = jdbc;
    this.finder = finder;
  }

  PageResult<DocumentSummary> page(EditorialQuery query, Set<Long> scope) {
    // The edition shown for each document is the newest one: the work in progress if any.
    StringBuilder where =
        new StringBuilder(
            " FROM edition e JOIN document d ON d.id = e.document_id WHERE e.edition_number ="
                + " (SELECT MAX(x.edition_number) FROM edition x WHERE x.document_id = e.document_id)"
                + " AND d.agency_id IN (:scope)");
    Map<String, Object> params = new HashMap<>();
    params.put("scope", scope);
    if (query.state() != null) {
      where.append(" AND e.state = :state");
      params.put("state", query.state().name());
    }
    if (query.titleContains() != null && !query.titleContains().isBlank()) {
      // Published documents are found by full-text search; drafts, which the index does not hold,
      // by their title, document number or index number.
      List<Long> found =
          finder.getIfAvailable() == null
              ? List.of()
              : finder.getIfAvailable().find(query.titleContains().trim(), scope, 500);
      where.append(
          " AND (LOWER(e.title) LIKE :title OR LOWER(d.index_number) LIKE :title"
              + " OR LOWER(e.doc_number) LIKE :title");
      if (!found.isEmpty()) {
        where.append(" OR e.document_id IN (:found)");
        params.put("found", found);
      }
      where.append(")");
      params.put("title", "%" + escapeLike(query.titleContains().trim().toLowerCase()) + "%");
    }
    return EditionRows.summaryPage(
        jdbc, where.toString(), params, orderBy(query.order()), query.page(), query.size());
  }

  private static String orderBy(EditorialQuery.Order order) {
    return switch (order) {
      case UPDATED -> "e.updated_at DESC, e.id DESC";
      case PUBLISHED ->
          "CASE WHEN d.published_on IS NULL THEN 1 ELSE 0 END, d.published_on DESC, e.id DESC";
      case TITLE -> "e.title, e.id";
    };
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
