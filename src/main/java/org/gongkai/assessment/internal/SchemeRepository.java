package org.gongkai.assessment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SchemeRepository {

  private final JdbcClient jdbc;

  SchemeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Scheme> find(int year) {
    return jdbc.sql("SELECT name FROM assessment_scheme WHERE scheme_year = ?")
        .param(year)
        .query(String.class)
        .optional()
        .map(name -> new Scheme(year, name, indicators(year)));
  }

  List<Integer> years() {
    return jdbc.sql("SELECT scheme_year FROM assessment_scheme ORDER BY scheme_year DESC")
        .query(Integer.class)
        .list();
  }

  /** The latest scheme before the year, to start the year's from. */
  Optional<Scheme> latestBefore(int year) {
    return jdbc.sql("SELECT MAX(scheme_year) FROM assessment_scheme WHERE scheme_year < ?")
        .param(year)
        .query(Integer.class)
        .optional()
        .flatMap(this::find);
  }

  private List<Indicator> indicators(int year) {
    return jdbc.sql(
            "SELECT code, parent_code, name, kind, weight, max_points, rule, rule_parameter, criterion"
                + " FROM assessment_indicator WHERE scheme_year = ? ORDER BY sort_order")
        .param(year)
        .query(
            (rs, i) ->
                new Indicator(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    IndicatorKind.valueOf(rs.getString(4)),
                    SchemeCheck.normal(rs.getBigDecimal(5)),
                    SchemeCheck.normal(rs.getBigDecimal(6)),
                    rs.getString(7) == null ? null : AutoRule.valueOf(rs.getString(7)),
                    rs.getBigDecimal(8) == null ? null : SchemeCheck.normal(rs.getBigDecimal(8)),
                    rs.getString(9)))
        .list();
  }

  /** Replaces the year's scheme whole. */
  void replace(Scheme scheme, String actor, Instant at) {
    int updated =
        jdbc.sql(
                "UPDATE assessment_scheme SET name = ?, updated_by = ?, updated_at = ? WHERE scheme_year = ?")
            .params(scheme.name(), actor, Timestamps.toDb(at), scheme.year())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO assessment_scheme (scheme_year, name, updated_by, updated_at) VALUES (?, ?, ?, ?)")
          .params(scheme.year(), scheme.name(), actor, Timestamps.toDb(at))
          .update();
    }
    jdbc.sql("DELETE FROM assessment_indicator WHERE scheme_year = ?")
        .param(scheme.year())
        .update();
    int order = 0;
    for (Indicator i : scheme.indicators()) {
      jdbc.sql(
              "INSERT INTO assessment_indicator (scheme_year, code, parent_code, sort_order, name, kind, weight, max_points,"
                  + " rule, rule_parameter, criterion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              scheme.year(),
              i.code(),
              i.parentCode(),
              order++,
              i.name(),
              i.kind().name(),
              i.weight(),
              i.maxPoints(),
              i.rule() == null ? null : i.rule().name(),
              i.parameter(),
              i.criterion())
          .update();
    }
  }
}
