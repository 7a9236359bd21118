package org.gongkai.agency.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongkai.agency.Agency;
import org.gongkai.agency.Column;
import org.gongkai.shared.site.PublicSiteVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every agency and column in memory, read in two queries and kept until the public site's version
 * moves: every page names agencies and columns, and they change a few times a year.
 */
@Component
class AgencySnapshots {

  /** The whole directory at one version, indexed the ways it is read. */
  record Snapshot(
      long version,
      List<Agency> all,
      Map<Long, Agency> byId,
      Map<String, Agency> byCode,
      Map<Long, List<Column>> columnsByAgency,
      Map<Long, Column> columnsById) {}

  private final JdbcClient jdbc;
  private final PublicSiteVersion site;
  private volatile Snapshot current;

  AgencySnapshots(JdbcClient jdbc, PublicSiteVersion site) {
    this.jdbc = jdbc;
    this.site = site;
  }

  Snapshot current() {
    long version = site.current();
    Snapshot held = current;
    if (held != null && held.version() == version) {
      return held;
    }
    // One thread reads the directory after a change; the others wait for it instead of reading it
    // too.
    synchronized (this) {
      held = current;
      if (held == null || held.version() != version) {
        held = load(version);
        current = held;
      }
      return held;
    }
  }

  private Snapshot load(long version) {
    List<Agency> all =
        List.copyOf(
            jdbc.sql("SELECT * FROM agency ORDER BY sort_order, id")
                .query(AgencyReads::agency)
                .list());
    List<Column> columns =
        jdbc.sql("SELECT * FROM disclosure_column ORDER BY agency_id, sort_order, id")
            .query(AgencyReads::column)
            .list();
    Map<Long, List<Column>> byAgency = new HashMap<>();
    for (Column c : columns) {
      byAgency.computeIfAbsent(c.agencyId(), k -> new ArrayList<>()).add(c);
    }
    byAgency.replaceAll((k, v) -> List.copyOf(v));
    return new Snapshot(
        version,
        all,
        all.stream().collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity())),
        all.stream().collect(Collectors.toUnmodifiableMap(Agency::code, Function.identity())),
        Map.copyOf(byAgency),
        columns.stream()
            .collect(
                Collectors.toMap(
                    Column::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
  }
}
