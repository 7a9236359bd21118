package org.gongkai.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongkai.catalog.LinkedDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published documents by their keywords or subject, and the interpretations of a set of policies:
 * what a topic (专题) gathers and shows beside its items.
 */
@Component
@Transactional(readOnly = true)
class TaggedDocuments {

  private static final String LIVE =
      " FROM edition e JOIN document d ON d.id = e.document_id WHERE e.state = 'PUBLISHED'"
          + " AND e.disclosure_mode <> 'NOT_DISCLOSED'";

  private final JdbcClient jdbc;

  TaggedDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Long> publishedTagged(Collection<String> tags, int limit) {
    Set<String> wanted = new HashSet<>();
    for (String tag : tags) {
      if (tag != null && !tag.isBlank()) {
        wanted.add(tag.strip().toLowerCase(Locale.ROOT));
      }
    }
    if (wanted.isEmpty() || limit <= 0) {
      return List.of();
    }
    // A LIKE per word narrows the rows; the exact match on the split keywords is made here, so that
    // 环保 does not gather 环保督察.
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    int i = 0;
    for (String tag : wanted) {
      conditions.add("LOWER(e.keywords) LIKE :k" + i + " OR LOWER(e.topic) = :t" + i);
      params.put("k" + i, "%" + EditorialListing.escapeLike(tag) + "%");
      params.put("t" + i, tag);
      i++;
    }
    List<Long> found = new ArrayList<>();
    jdbc.sql(
            "SELECT e.document_id, e.keywords, e.topic"
                + LIVE
                + " AND ("
                + String.join(" OR ", conditions)
                + ") ORDER BY d.published_on DESC, d.id DESC")
        .params(params)
        .query(
            rs -> {
              if (found.size() < limit && tagged(rs.getString(2), rs.getString(3), wanted)) {
                found.add(rs.getLong(1));
              }
            });
    return found;
  }

  /** Whether the keywords (split on commas, semicolons, 、 and spaces) or the subject name a tag. */
  static boolean tagged(String keywords, String subject, Set<String> tags) {
    if (subject != null && tags.contains(subject.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (keywords == null) {
      return false;
    }
    for (String word : keywords.split("[,;\\s\u3001\uff0c\uff1b]+")) {
      if (!word.isBlank() && tags.contains(word.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  List<LinkedDocument> interpretationsOf(Collection<Long> policyIds) {
    if (policyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT e.document_id, e.title, e.doc_number, d.published_on"
                + LIVE
                + " AND e.document_id IN (SELECT l.interpretation_document_id FROM"
                + " interpretation_link l WHERE l.policy_document_id IN (:ids))"
                + " ORDER BY d.published_on DESC, d.id DESC")
        .param("ids", policyIds)
        .query(
            (rs, i) ->
                new LinkedDocument(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }
}
