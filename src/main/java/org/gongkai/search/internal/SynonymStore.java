package org.gongkai.search.internal;

import java.util.Arrays;
import java.util.List;
import org.gongkai.audit.AuditTrail;
import org.gongkai.search.SynonymsChanged;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Synonym groups kept in the database and edited by platform admins, e.g. 营业执照 / 执照. */
@Component
class SynonymStore {

  record Group(long id, List<String> terms) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  SynonymStore(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
  }

  List<Group> all() {
    return jdbc.sql("SELECT id, terms FROM search_synonym ORDER BY id")
        .query((rs, i) -> new Group(rs.getLong(1), split(rs.getString(2))))
        .list();
  }

  List<List<String>> groups() {
    return all().stream().map(Group::terms).toList();
  }

  @Transactional
  void add(String line, String actor) {
    List<String> terms = split(line == null ? "" : line);
    if (terms.size() < 2) {
      throw Refusal.invalidField("terms", "synonym.too-few");
    }
    String joined = String.join(",", terms);
    if (joined.length() > 500) {
      throw Refusal.invalidField("terms", "field.too-long");
    }
    jdbc.sql("INSERT INTO search_synonym (terms) VALUES (?)").param(joined).update();
    audit.record(actor, "synonym.added", "synonym", joined, null);
    events.publishEvent(new SynonymsChanged(actor));
  }

  @Transactional
  void remove(long id, String actor) {
    jdbc.sql("DELETE FROM search_synonym WHERE id = ?").param(id).update();
    audit.record(actor, "synonym.removed", "synonym", id, null);
    events.publishEvent(new SynonymsChanged(actor));
  }

  static List<String> split(String line) {
    return Arrays.stream(line.split("[,，、;；/\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }
}
