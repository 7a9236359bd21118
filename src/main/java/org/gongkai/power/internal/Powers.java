package org.gongkai.power.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
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
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final Clock clock;

  Powers(
      JdbcClient jdbc,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      MessageSource messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.agencies = agencies;
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
    check(form, (column, key, args) -> problems.add(new Refusal.FieldProblem(column, key, args)));
    Optional<long[]> existing = item(form.code());
    if (existing.isPresent() && existing.get()[1] != agency.id()) {
      problems.add(new Refusal.FieldProblem("code", "power.code.other-agency"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    transactions.executeWithoutResult(tx -> write(agency, form, actor.username()));
  }

  interface Sink {
    void problem(String column, String key, Object... args);
  }

  void check(Form f, Sink sink) {
    if (f.code() == null || !f.code().strip().matches("[A-Za-z0-9\\-_.]{2,60}")) {
      sink.problem("code", "power.code.invalid");
    }
    if (f.name() == null || f.name().isBlank() || f.name().length() > 300) {
      sink.problem("name", "power.name.required");
    }
    if (f.type() == null) {
      sink.problem("type", "power.type.required");
    }
    if (f.legalBasis() == null || f.legalBasis().isBlank()) {
      sink.problem("legalBasis", "power.basis.required");
    }
    if (f.effectiveOn() == null) {
      sink.problem("effectiveOn", "power.effective-on.required");
    }
    List<Flow.Problem> flowProblems = new ArrayList<>();
    Flow.parse(f.flow(), flowProblems);
    for (Flow.Problem p : flowProblems) {
      sink.problem("flow", p.messageKey(), p.line(), p.detail());
    }
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

  // ---- reading ----

  List<Summary> list(String agencyCode, PowerType type, String q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (agencyCode != null && !agencyCode.isBlank()) {
      Agency a = agency(agencyCode);
      where.append(" AND p.agency_id = :agency");
      params.put("agency", a.id());
    }
    LocalDate today = LocalDate.now(clock);
    params.put("today", today);
    List<Summary> all =
        jdbc.sql(
                "SELECT p.code, p.agency_id, v.name, v.type, v.unit FROM power_item p JOIN power_version v"
                    + " ON v.power_id = p.id AND v.version_no = (SELECT MAX(x.version_no) FROM power_version x WHERE x.power_id = p.id"
                    + " AND x.effective_on <= :today AND x.approved_by IS NOT NULL)"
                    + where
                    + " ORDER BY p.code")
            .params(params)
            .query(
                (rs, i) -> {
                  Agency a = agencies.get(rs.getLong(2));
                  return new Summary(
                      rs.getString(1),
                      rs.getString(3),
                      PowerType.valueOf(rs.getString(4)),
                      a.code(),
                      a.name(),
                      rs.getString(5));
                })
            .list();
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(s -> type == null || s.type() == type)
        .filter(
            s ->
                needle.isEmpty()
                    || s.name().toLowerCase(Locale.ROOT).contains(needle)
                    || s.code().toLowerCase(Locale.ROOT).contains(needle))
        .toList();
  }

  Power get(String code) {
    long[] item = item(code).orElseThrow(() -> Refusal.notFound("power.not-found"));
    List<Version> history =
        jdbc.sql(
                "SELECT * FROM power_version WHERE power_id = ? AND approved_by IS NOT NULL"
                    + " ORDER BY version_no DESC")
            .param(item[0])
            .query(
                (rs, i) ->
                    new Version(
                        rs.getInt("version_no"),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("name"),
                        PowerType.valueOf(rs.getString("type")),
                        rs.getString("legal_basis")
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList(),
                        rs.getString("unit"),
                        rs.getString("conditions"),
                        rs.getString("materials"),
                        rs.getString("time_limit"),
                        rs.getString("fees"),
                        rs.getString("contact"),
                        rs.getString("flow"),
                        rs.getString("change_note"),
                        rs.getString("created_by"),
                        Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class))))
            .list();
    LocalDate today = LocalDate.now(clock);
    Version current =
        history.stream()
            .filter(v -> !v.effectiveOn().isAfter(today))
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("power.not-yet-effective"));
    Agency agency = agencies.get(item[1]);
    return new Power(code, agency.code(), agency.name(), current, history);
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
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    return jdbc.sql(
            "SELECT p.code, v.version_no, v.name, v.type, v.effective_on, v.created_by, v.created_at"
                + " FROM power_version v JOIN power_item p ON p.id = v.power_id WHERE p.agency_id = ?"
                + " AND v.approved_by IS NULL ORDER BY p.code, v.version_no")
        .param(agency.id())
        .query(
            (rs, i) ->
                new Pending(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    PowerType.valueOf(rs.getString(4)),
                    rs.getObject(5, LocalDate.class),
                    rs.getString(6),
                    Timestamps.fromDb(rs.getObject(7, OffsetDateTime.class))))
        .list();
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
    return jdbc.sql("SELECT id, agency_id FROM power_item WHERE code = ?")
        .param(code == null ? "" : code.strip())
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional();
  }

  Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.strip())
        .orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
