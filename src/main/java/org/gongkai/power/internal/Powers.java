package org.gongkai.power.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.audit.AuditTrail;
import org.gongkai.power.PowerCatalog;
import org.gongkai.power.PowerType;
import org.gongkai.power.PowerVersionApproved;
import org.gongkai.power.PowerVersionWritten;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The power catalog. A power's code never changes; every change of content is a new version with
 * the date it takes effect, so the catalog can show what applied on any day. Spreadsheets go out
 * and come in whole: an import with any bad row imports nothing and reports every bad row.
 */
@Service
class Powers implements PowerCatalog {

  /** The spreadsheet's columns, in order; the header row carries their labels. */
  static final List<String> COLUMNS =
      List.of(
          "code",
          "name",
          "type",
          "legalBasis",
          "unit",
          "conditions",
          "materials",
          "timeLimit",
          "fees",
          "contact",
          "flow",
          "effectiveOn");

  private final JdbcClient jdbc;
  private final PowerQueries queries;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final Clock clock;

  Powers(
      JdbcClient jdbc,
      PowerQueries queries,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      MessageSource messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.messages = messages;
    this.clock = clock;
  }

  /** What is entered for one version of a power. */
  record Form(
      String code,
      String name,
      PowerType type,
      String legalBasis,
      String unit,
      String conditions,
      String materials,
      String timeLimit,
      String fees,
      String contact,
      String flow,
      LocalDate effectiveOn,
      String changeNote) {}

  record Version(
      int versionNo,
      LocalDate effectiveOn,
      String name,
      PowerType type,
      List<String> legalBasis,
      String unit,
      String conditions,
      String materials,
      String timeLimit,
      String fees,
      String contact,
      String flow,
      String changeNote,
      String createdBy,
      Instant createdAt) {}

  record Power(
      String code, String agency, String agencyName, Version current, List<Version> history) {}

  record Summary(
      String code, String name, PowerType type, String agency, String agencyName, String unit) {}

  /** A row of an import that cannot be taken, with every problem in it. */
  record RowProblem(int row, String column, String message) {}

  // ---- writing ----

  /** Adds a power, or a new version of an existing one (same code, same agency). */
  void save(String agencyCode, Form form, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    PowerFormRules.check(
        form, (column, key, args) -> problems.add(new Refusal.FieldProblem(column, key, args)));
    Optional<long[]> existing = item(form.code());
    if (existing.isPresent() && existing.get()[1] != agency.id()) {
      problems.add(new Refusal.FieldProblem("code", "power.code.other-agency"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    transactions.executeWithoutResult(tx -> write(agency, form, actor.username()));
  }

  void write(Agency agency, Form f, String actor) {
    Instant now = Instant.now(clock);
    long powerId =
        item(f.code().strip())
            .map(x -> x[0])
            .orElseGet(
                () -> {
                  GeneratedKeyHolder keys = new GeneratedKeyHolder();
                  jdbc.sql("INSERT INTO power_item (agency_id, code, created_at) VALUES (?, ?, ?)")
                      .params(agency.id(), f.code().strip(), Timestamps.toDb(now))
                      .update(keys, "id");
                  return keys.getKey().longValue();
                });
    int next =
        jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM power_version WHERE power_id = ?")
            .param(powerId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "INSERT INTO power_version (power_id, version_no, effective_on, name, type, legal_basis, unit, conditions,"
                + " materials, time_limit, fees, contact, flow, change_note, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            powerId,
            next,
            f.effectiveOn(),
            f.name().strip(),
            f.type().name(),
            f.legalBasis().strip(),
            blank(f.unit()),
            blank(f.conditions()),
            blank(f.materials()),
            blank(f.timeLimit()),
            blank(f.fees()),
            blank(f.contact()),
            f.flow().strip(),
            blank(f.changeNote()),
            actor,
            Timestamps.toDb(now))
        .update();
    events.publishEvent(new PowerVersionWritten(agency.id(), f.code().strip(), next));
    audit.record(
        actor,
        next == 1 ? "power.created" : "power.revised",
        "power",
        f.code().strip(),
        "version " + next + " effective " + f.effectiveOn());
  }

  @Override
  public void record(String agencyCode, Entry e, Staff actor) {
    save(
        agencyCode,
        new Form(
            e.code(),
            e.name(),
            e.type(),
            e.legalBasis(),
            e.unit(),
            e.conditions(),
            e.materials(),
            e.timeLimit(),
            e.fees(),
            e.contact(),
            e.flow(),
            e.effectiveOn(),
            null),
        actor);
  }

  @Override
  public int approvePending(String agencyCode, Staff reviewer) {
    return approve(agencyCode, null, reviewer);
  }

  // ---- reading, answered by PowerQueries ----

  List<Summary> list(String agencyCode, PowerType type, String q) {
    return queries.list(agencyCode, type, q);
  }

  Power get(String code) {
    return queries.get(code);
  }

  /** A version entered and not yet approved, for the agency's reviewers. */
  record Pending(
      String code,
      int versionNo,
      String name,
      PowerType type,
      LocalDate effectiveOn,
      String createdBy,
      Instant createdAt) {}

  List<Pending> pending(String agencyCode, Staff actor) {
    return queries.pending(agencyCode, actor);
  }

  /**
   * Approves what is pending in the agency's catalog, or one power's pending versions: a reviewer
   * who entered none of them (four eyes). Returns how many versions were approved.
   */
  int approve(String agencyCode, String code, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    return transactions.execute(
        tx -> {
          List<Pending> due =
              pending(agencyCode, actor).stream()
                  .filter(p -> code == null || p.code().equals(code))
                  .toList();
          boolean waived =
              access.requireSecondPerson(
                  actor,
                  agency.id(),
                  due.stream().map(Pending::createdBy).collect(Collectors.toSet()));
          for (Pending p : due) {
            jdbc.sql(
                    "UPDATE power_version SET approved_by = ?, approved_at = ? WHERE approved_by IS NULL AND version_no = ?"
                        + " AND power_id = (SELECT id FROM power_item WHERE code = ?)")
                .params(
                    actor.username(), Timestamps.toDb(Instant.now(clock)), p.versionNo(), p.code())
                .update();
            events.publishEvent(new PowerVersionApproved(agency.id(), p.code(), p.versionNo()));
            audit.record(
                actor.username(),
                "power.approved",
                "power",
                p.code(),
                "version " + p.versionNo() + (waived ? " " + StaffAccess.FOUR_EYES_WAIVED : ""));
          }
          return due.size();
        });
  }

  Flow flow(Version v) {
    return Flow.parse(v.flow(), new ArrayList<>());
  }

  String label(String column) {
    return text("power.column." + column);
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
  }

  Optional<long[]> item(String code) {
    return queries.item(code);
  }

  Agency agency(String code) {
    return queries.agency(code);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
