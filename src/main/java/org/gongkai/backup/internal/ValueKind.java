package org.gongkai.backup.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a column's value is written to the archive and read back, chosen from the type the database
 * reports, so that an archive from H2 loads into PostgreSQL and back: whole numbers as JSON
 * numbers, exact decimals, dates and times as ISO-8601 strings, binary as Base64.
 */
enum ValueKind {
  INTEGER,
  DECIMAL,
  FLOAT,
  BOOLEAN,
  DATE,
  TIME,
  TIMESTAMP,
  TIMESTAMP_TZ,
  UUID,
  BINARY,
  TEXT;

  static ValueKind of(int jdbcType, String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (name.equals("uuid")) {
      return UUID;
    }
    if (name.contains("timestamptz") || name.contains("with time zone")) {
      return TIMESTAMP_TZ;
    }
    return switch (jdbcType) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> FLOAT;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.DATE -> DATE;
      case Types.TIME -> TIME;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      default -> TEXT;
    };
  }

  JsonNode read(ResultSet rs, int index) throws SQLException {
    JsonNodeFactory json = JsonNodeFactory.instance;
    Object value =
        switch (this) {
          case INTEGER -> rs.getLong(index);
          case DECIMAL -> rs.getBigDecimal(index);
          case FLOAT -> rs.getDouble(index);
          case BOOLEAN -> rs.getBoolean(index);
          case DATE -> rs.getObject(index, LocalDate.class);
          case TIME -> rs.getObject(index, LocalTime.class);
          case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
          case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
          case UUID, TEXT -> rs.getString(index);
          case BINARY -> rs.getBytes(index);
        };
    if (value == null || rs.wasNull()) {
      return json.nullNode();
    }
    return switch (this) {
      case INTEGER -> json.numberNode((Long) value);
      case DECIMAL -> json.stringNode(((BigDecimal) value).toPlainString());
      case FLOAT -> json.numberNode((Double) value);
      case BOOLEAN -> json.booleanNode((Boolean) value);
      case BINARY -> json.stringNode(Base64.getEncoder().encodeToString((byte[]) value));
      default -> json.stringNode(value.toString());
    };
  }

  void bind(PreparedStatement statement, int index, JsonNode value, int sqlType)
      throws SQLException {
    if (value == null || value.isNull()) {
      statement.setNull(index, sqlType);
      return;
    }
    switch (this) {
      case INTEGER -> statement.setLong(index, value.asLong());
      case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(value.asString()));
      case FLOAT -> statement.setDouble(index, value.asDouble());
      case BOOLEAN -> statement.setBoolean(index, value.asBoolean());
      case DATE -> statement.setObject(index, LocalDate.parse(value.asString()));
      case TIME -> statement.setObject(index, LocalTime.parse(value.asString()));
      case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(value.asString()));
      case TIMESTAMP_TZ -> statement.setObject(index, OffsetDateTime.parse(value.asString()));
      case UUID -> statement.setObject(index, java.util.UUID.fromString(value.asString()));
      case BINARY -> statement.setBytes(index, Base64.getDecoder().decode(value.asString()));
      case TEXT -> statement.setString(index, value.asString());
    }
  }
}
