package org.gongkai.syndication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.syndication.Endpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The registered endpoints; each one's secret is sealed, bound to its row. */
@Repository
class EndpointRepository {

  private static final String SECRET_FIELD = "webhook_endpoint.secret";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  EndpointRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  long insert(
      String url,
      String secret,
      List<Long> agencyIds,
      List<Long> columnIds,
      String actor,
      Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO webhook_endpoint (url, secret, agencies, columns_taken, enabled,"
                + " created_by, created_at) VALUES (?, '-', ?, ?, TRUE, ?, ?)")
        .params(url, join(agencyIds), join(columnIds), actor, Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE webhook_endpoint SET secret = ? WHERE id = ?")
        .params(cipher.seal(SECRET_FIELD, id, secret), id)
        .update();
    return id;
  }

  Optional<Endpoint> find(long id) {
    return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
        .param(id)
        .query(EndpointRepository::endpoint)
        .optional();
  }

  List<Endpoint> all() {
    return jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY id")
        .query(EndpointRepository::endpoint)
        .list();
  }

  List<Endpoint> enabled() {
    return jdbc.sql("SELECT * FROM webhook_endpoint WHERE enabled = TRUE ORDER BY id")
        .query(EndpointRepository::endpoint)
        .list();
  }

  void setEnabled(long id, boolean enabled) {
    jdbc.sql("UPDATE webhook_endpoint SET enabled = ? WHERE id = ?").params(enabled, id).update();
  }

  /** The endpoint's secret, opened for signing. */
  String secret(long id) {
    String sealed =
        jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    return cipher.open(SECRET_FIELD, id, sealed);
  }

  private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
    return new Endpoint(
        rs.getLong("id"),
        rs.getString("url"),
        split(rs.getString("agencies")),
        split(rs.getString("columns_taken")),
        rs.getBoolean("enabled"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static List<Long> split(String ids) {
    if (ids == null || ids.isBlank()) {
      return List.of();
    }
    return Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
  }
}
