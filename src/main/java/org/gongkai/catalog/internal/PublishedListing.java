package org.gongkai.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The pages of published documents a catalog query chooses, newest first. */
@Component
@Transactional(readOnly = true)
class PublishedListing {

  private final JdbcClient jdbc;

  PublishedListing(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  PageResult<DocumentSummary> published(CatalogQuery q) {
    StringBuilder where = new StringBuilder(EditionRows.LIVE);
    Map<String, Object> params = new HashMap<>();
    String chosen = chosen(q, params);
    boolean also = q.alsoDocumentIds() != null && !q.alsoDocumentIds().isEmpty();
    if (chosen == null && !also) {
      return new PageResult<>(List.of(), 0, q.page(), q.size());
    }
    if (also && !"".equals(chosen)) {
      params.put("also", q.alsoDocumentIds());
      where
          .append(" AND (")
          .append(chosen == null ? "" : chosen + " OR ")
          .append("d.id IN (:also))");
    } else if (chosen != null && !chosen.isEmpty()) {
      where.append(" AND ").append(chosen);
    }
    if (q.year() != null) {
      where.append(" AND d.published_on >= :from AND d.published_on < :to");
      params.put("from", LocalDate.of(q.year(), 1, 1));
      params.put("to", LocalDate.of(q.year() + 1, 1, 1));
    }
    if (q.validity() != null) {
      where.append(" AND e.validity = :validity");
      params.put("validity", q.validity().name());
    }
    if (q.titleContains() != null && !q.titleContains().isBlank()) {
      where.append(" AND LOWER(e.title) LIKE :title");
      params.put(
          "title", "%" + EditorialListing.escapeLike(q.titleContains().trim().toLowerCase()) + "%");
    }
    return EditionRows.summaryPage(
        jdbc, where.toString(), params, "d.published_on DESC, d.id DESC", q.page(), q.size());
  }

  /**
   * The condition the agency and column filters make, "" for none, null when they choose nothing.
   */
  private static String chosen(CatalogQuery q, Map<String, Object> params) {
    if ((q.agencyIds() != null && q.agencyIds().isEmpty())
        || (q.columnIds() != null && q.columnIds().isEmpty())) {
      return null;
    }
    List<String> conditions = new ArrayList<>();
    if (q.agencyIds() != null) {
      conditions.add("d.agency_id IN (:agencies)");
      params.put("agencies", q.agencyIds());
    }
    if (q.columnIds() != null) {
      conditions.add("e.column_id IN (:columns)");
      params.put("columns", q.columnIds());
    }
    return conditions.isEmpty() ? "" : "(" + String.join(" AND ", conditions) + ")";
  }
}
