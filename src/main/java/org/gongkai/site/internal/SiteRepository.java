package org.gongkai.site.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.site.Site;
import org.gongkai.site.SiteForm;
import org.gongkai.site.SiteType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of sites, their hosts and their agencies. */
@Repository
class SiteRepository {

  private final JdbcClient jdbc;

  SiteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Site> all() {
    Map<Long, List<String>> hosts = new HashMap<>();
    jdbc.sql("SELECT site_id, host FROM site_host ORDER BY site_id, position")
        .query(
            rs -> {
              hosts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    Map<Long, List<Long>> agencies = new HashMap<>();
    jdbc.sql("SELECT site_id, agency_id FROM site_agency ORDER BY site_id, position")
        .query(
            rs -> {
              agencies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            });
    return jdbc.sql(
            "SELECT id, name, id_code, type, icp_filing, security_filing, organizer, operator,"
                + " contact, languages, fallback, closed_at FROM site ORDER BY id")
        .query(
            (rs, n) -> {
              long id = rs.getLong("id");
              String languages = rs.getString("languages");
              return new Site(
                  id,
                  rs.getString("name"),
                  hosts.getOrDefault(id, List.of()),
                  rs.getString("id_code"),
                  SiteType.valueOf(rs.getString("type")),
                  rs.getString("icp_filing"),
                  rs.getString("security_filing"),
                  rs.getString("organizer"),
                  rs.getString("operator"),
                  rs.getString("contact"),
                  languages.isEmpty() ? List.of() : Arrays.asList(languages.split(",")),
                  agencies.getOrDefault(id, List.of()),
                  rs.getBoolean("fallback"),
                  Timestamps.fromDb(rs.getObject("closed_at", OffsetDateTime.class)));
            })
        .list();
  }

  /** Marks the site closed unless it is closed already; whether it was. */
  boolean close(long id, String actor, Instant now) {
    return jdbc.sql(
                "UPDATE site SET closed_at = ?, closed_by = ?, updated_at = ?"
                    + " WHERE id = ? AND closed_at IS NULL")
            .params(Timestamps.toDb(now), actor, Timestamps.toDb(now), id)
            .update()
        == 1;
  }

  Optional<Site> find(long id) {
    return all().stream().filter(s -> s.id() == id).findFirst();
  }

  /** The site that names {@code host}, if any. */
  Optional<Long> siteOfHost(String host) {
    return jdbc.sql("SELECT site_id FROM site_host WHERE host = ?")
        .param(host)
        .query(Long.class)
        .optional();
  }

  long insert(SiteForm form, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO site (name, id_code, type, icp_filing, security_filing, organizer,"
                + " operator, contact, languages, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            form.name(),
            form.idCode(),
            form.type().name(),
            form.icpFiling(),
            form.securityFiling(),
            form.organizer(),
            form.operator(),
            form.contact(),
            String.join(",", form.languages()),
            Timestamps.toDb(now),
            Timestamps.toDb(now))
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKey()).longValue();
    writeHostsAndAgencies(id, form);
    return id;
  }

  void update(long id, SiteForm form, Instant now) {
    jdbc.sql(
            "UPDATE site SET name = ?, id_code = ?, type = ?, icp_filing = ?, security_filing = ?,"
                + " organizer = ?, operator = ?, contact = ?, languages = ?, settled = TRUE,"
                + " updated_at = ? WHERE id = ?")
        .params(
            form.name(),
            form.idCode(),
            form.type().name(),
            form.icpFiling(),
            form.securityFiling(),
            form.organizer(),
            form.operator(),
            form.contact(),
            String.join(",", form.languages()),
            Timestamps.toDb(now),
            id)
        .update();
    jdbc.sql("DELETE FROM site_host WHERE site_id = ?").param(id).update();
    jdbc.sql("DELETE FROM site_agency WHERE site_id = ?").param(id).update();
    writeHostsAndAgencies(id, form);
  }

  /**
   * The first site's identity from the settings, once: a compare-and-set on {@code settled}, so
   * that of several nodes starting together one writes it.
   */
  Optional<Long> settleFallback(String name, String idCode, String host, Instant now) {
    Long id =
        jdbc.sql("SELECT id FROM site WHERE fallback = TRUE AND settled = FALSE")
            .query(Long.class)
            .optional()
            .orElse(null);
    if (id == null) {
      return Optional.empty();
    }
    int settled =
        jdbc.sql(
                "UPDATE site SET name = ?, id_code = ?, settled = TRUE, updated_at = ?"
                    + " WHERE id = ? AND settled = FALSE")
            .params(name, idCode, Timestamps.toDb(now), id)
            .update();
    if (settled == 0) {
      return Optional.empty();
    }
    boolean taken = siteOfHost(host).isPresent();
    if (!taken) {
      jdbc.sql("INSERT INTO site_host (host, site_id, position) VALUES (?, ?, 0)")
          .params(host, id)
          .update();
    }
    return Optional.of(id);
  }

  private void writeHostsAndAgencies(long id, SiteForm form) {
    int position = 0;
    for (String host : form.hosts()) {
      jdbc.sql("INSERT INTO site_host (host, site_id, position) VALUES (?, ?, ?)")
          .params(host, id, position++)
          .update();
    }
    position = 0;
    for (long agency : form.agencyIds()) {
      jdbc.sql("INSERT INTO site_agency (site_id, agency_id, position) VALUES (?, ?, ?)")
          .params(id, agency, position++)
          .update();
    }
  }
}
