package org.gongkai.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.IndexableDocument;
import org.springframework.stereotype.Component;

/**
 * Views per column from views per page: an agency's catalog page names its column, a document is in
 * one. Looked up when counts are written, never on the request path.
 */
@Component
class PageColumns {

  private static final int LOOKUP_BATCH = 500;

  private final Catalog catalog;

  PageColumns(Catalog catalog) {
    this.catalog = catalog;
  }

  Map<Long, Long> of(Map<String, Long> pages) {
    Map<Long, Long> columns = new HashMap<>();
    Map<Long, Long> documents = new HashMap<>();
    pages.forEach(
        (page, views) -> {
          int at = page.indexOf("?column=");
          if (at > 0) {
            columns.merge(Long.parseLong(page.substring(at + 8)), views, Long::sum);
          } else if (page.startsWith("/documents/")) {
            String id = page.substring("/documents/".length());
            if (!id.isEmpty() && id.length() < 19 && id.chars().allMatch(Character::isDigit)) {
              documents.merge(Long.parseLong(id), views, Long::sum);
            }
          }
        });
    List<Long> ids = new ArrayList<>(documents.keySet());
    for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
      for (IndexableDocument d :
          catalog.indexable(ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH)))) {
        columns.merge(d.columnId(), documents.get(d.id()), Long::sum);
      }
    }
    return columns;
  }
}
