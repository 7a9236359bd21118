package org.gongkai.topic.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicItem;
import org.gongkai.topic.TopicState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Topics and the documents they gather; the content is kept as JSON, draft and live. */
@Repository
class TopicRepository {

  private static final String COLUMNS =
      "id, slug, agency_id, state, draft, live, drafted_by, submitted_by, approved_by,"
          + " published_by, published_at, created_by, created_at, updated_at";

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  TopicRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String slug, long agencyId, TopicContent draft, String by, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO topic (slug, agency_id, state, draft, drafted_by, created_by, created_at,"
                + " updated_at) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?)")
        .params(slug, agencyId, write(draft), by, by, Timestamps.toDb(at), Timestamps.toDb(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean slugTaken(String slug) {
    return jdbc.sql("SELECT COUNT(*) FROM topic WHERE slug = ?")
            .param(slug)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Topic> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM topic WHERE id = ?")
        .param(id)
        .query(this::topic)
        .optional();
  }

  Optional<Topic> findBySlug(String slug) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM topic WHERE slug = ?")
        .param(slug)
        .query(this::topic)
        .optional();
  }

  /** The topics of these agencies (null: all), newest first. */
  List<Topic> of(Collection<Long> agencyIds) {
    if (agencyIds != null && agencyIds.isEmpty()) {
      return List.of();
    }
    if (agencyIds == null) {
      return jdbc.sql("SELECT " + COLUMNS + " FROM topic ORDER BY id DESC")
          .query(this::topic)
          .list();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM topic WHERE agency_id IN (:ids) ORDER BY id DESC")
        .param("ids", agencyIds)
        .query(this::topic)
        .list();
  }

  List<Topic> published() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM topic WHERE live IS NOT NULL ORDER BY published_at DESC, id DESC")
        .query(this::topic)
        .list();
  }

  /**
   * Writes the draft and makes the topic a DRAFT again: a submitted or approved draft that changes
   * needs submitting and approving anew.
   */
  void saveDraft(long id, TopicContent draft, String by, Instant at) {
    jdbc.sql(
            "UPDATE topic SET draft = ?, state = 'DRAFT', drafted_by = ?, submitted_by = NULL,"
                + " approved_by = NULL, updated_at = ? WHERE id = ?")
        .params(write(draft), by, Timestamps.toDb(at), id)
        .update();
  }

  /** Moves the topic from one state to another; false when it was no longer in {@code from}. */
  boolean step(long id, TopicState from, TopicState to, String column, String by, Instant at) {
    String set = column == null ? "" : ", " + column + " = :by";
    Map<String, Object> params = new HashMap<>();
    params.put("to", to.name());
    params.put("from", from.name());
    params.put("at", Timestamps.toDb(at));
    params.put("id", id);
    if (column != null) {
      params.put("by", by);
    }
    return jdbc.sql(
                "UPDATE topic SET state = :to, updated_at = :at"
                    + set
                    + " WHERE id = :id AND state = :from")
            .params(params)
            .update()
        == 1;
  }

  /** The approved draft becomes the live copy. */
  boolean publish(long id, String by, Instant at) {
    return jdbc.sql(
                "UPDATE topic SET live = draft, state = 'PUBLISHED', published_by = ?,"
                    + " published_at = ?, updated_at = ? WHERE id = ? AND state = 'APPROVED'")
            .params(by, Timestamps.toDb(at), Timestamps.toDb(at), id)
            .update()
        == 1;
  }

  /** Adds a document unless the topic has it already; true when it was added. */
  boolean addItem(
      long topicId, long documentId, String section, String source, String by, Instant at) {
    if (jdbc.sql("SELECT COUNT(*) FROM topic_item WHERE topic_id = ? AND document_id = ?")
            .params(topicId, documentId)
            .query(Long.class)
            .single()
        > 0) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO topic_item (topic_id, document_id, section, source, added_by, added_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(topicId, documentId, section, source, by, Timestamps.toDb(at))
        .update();
    return true;
  }

  boolean removeItem(long topicId, long documentId) {
    return jdbc.sql("DELETE FROM topic_item WHERE topic_id = ? AND document_id = ?")
            .params(topicId, documentId)
            .update()
        == 1;
  }

  List<TopicItem> items(long topicId) {
    return jdbc.sql(
            "SELECT topic_id, document_id, section, source, added_by, added_at FROM topic_item"
                + " WHERE topic_id = ? ORDER BY added_at DESC, document_id DESC")
        .param(topicId)
        .query(
            (rs, i) ->
                new TopicItem(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    instant(rs, "added_at")))
        .list();
  }

  /** How many documents each topic gathers, by topic id. */
  Map<Long, Long> itemCounts() {
    Map<Long, Long> counts = new HashMap<>();
    jdbc.sql("SELECT topic_id, COUNT(*) FROM topic_item GROUP BY topic_id")
        .query(
            rs -> {
              counts.put(rs.getLong(1), rs.getLong(2));
            });
    return counts;
  }

  private Topic topic(ResultSet rs, int row) throws SQLException {
    String live = rs.getString("live");
    return new Topic(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getLong("agency_id"),
        TopicState.valueOf(rs.getString("state")),
        read(rs.getString("draft")),
        live == null ? null : read(live),
        rs.getString("drafted_by"),
        rs.getString("submitted_by"),
        rs.getString("approved_by"),
        rs.getString("published_by"),
        instant(rs, "published_at"),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : Timestamps.fromDb(value);
  }

  private String write(TopicContent content) {
    return json.writeValueAsString(content);
  }

  private TopicContent read(String text) {
    return json.readValue(text, TopicContent.class);
  }
}
