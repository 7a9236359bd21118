package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.assessment.internal.AssessmentRepository.Assessment;
import org.gongkai.assessment.internal.AssessmentRepository.State;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year's assessment from draft to final: the office assesses the agencies below its own, enters
 * what the platform cannot know, releases the draft for objections within a period, answers them
 * and finalises; the final result is stored whole and never computed again.
 */
@Service
class Assessments {

  static final String FILES = "assessment-files";

  private final AssessmentRepository assessments;
  private final Schemes schemes;
  private final AutoIndicators indicators;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final PublicSiteVersion site;
  private final TransactionTemplate transactions;
  private final StoredFiles files;
  private final Clock clock;

  Assessments(AssessmentRepository assessments, Schemes schemes, AutoIndicators indicators, AgencyDirectory agencies,
      StaffAccess access, AuditTrail audit, PublicSiteVersion site, TransactionTemplate transactions, StoredFiles files,
      Clock clock) {
    this.files = files;
    this.assessments = assessments;
    this.schemes = schemes;
    this.indicators = indicators;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.site = site;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A year's assessment as a reader may see it: the scheme, and the agencies' results best first. */
  record Standing(Assessment assessment, Scheme scheme, Agency office, List<Scoring.AgencyResult> results,
      List<AssessmentRepository.Objection> objections) {

    public boolean isFinal() {
      return assessment.state() == State.FINAL;
    }

    /** The indicators as the results hold them (a final result keeps the scheme it was scored on). */
    public List<Scoring.Item> indicators() {
      return results.isEmpty() ? List.of() : results.get(0).items();
    }

    /** The top-level indicators that score: the ranking's columns (a veto shows beside the total). */
    public List<Scoring.Item> categories() {
      return indicators().stream().filter(i -> i.parentCode() == null && i.kind() != IndicatorKind.VETO).toList();
    }
  }

  static void checkYear(int year) {
    if (year < 2008 || year > 2100) {
      throw Refusal.invalidField("year", "assessment.year.invalid");
    }
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  List<Assessment> all() {
    return assessments.all();
  }

  Assessment get(int year) {
    return assessments.find(year).orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
  }

  /** Opens the year's assessment of the agencies below the office's agency, with the year's scheme (started if missing). */
  Assessment create(int year, String officeCode, Staff actor) {
    access.requirePlatformAdmin(actor);
    checkYear(year);
    if (year > today().getYear()) {
      throw Refusal.invalidField("year", "assessment.year.future");
    }
    Agency office = agency(officeCode);
    if (schemes.find(year).isEmpty()) {
      schemes.create(year, actor);
    }
    return transactions.execute(tx -> {
      if (assessments.find(year).isPresent()) {
        throw Refusal.conflict("assessment.exists", String.valueOf(year));
      }
      assessments.insert(year, office.id(), actor.username(), Instant.now(clock));
      audit.record(actor.username(), "assessment.created", "assessment", year, office.code());
      return assessments.find(year).orElseThrow();
    });
  }

  /** The agencies assessed: every agency below the office's, in the directory's order. */
  List<Agency> assessed(Assessment a) {
    Set<Long> below = agencies.subtree(a.officeAgencyId());
    return agencies.all().stream().filter(x -> below.contains(x.id()) && x.id() != a.officeAgencyId()).toList();
  }

  /**
   * The office sees every agency; an agency's staff see their own once the draft is released (the
   * ranking is the whole field's).
   */
  Standing standing(int year, Staff viewer) {
    Assessment a = get(year);
    boolean office = viewer.isPlatformAdmin();
    if (!office && a.state() == State.DRAFT) {
      throw Refusal.notFound("assessment.not-released", String.valueOf(year));
    }
    Scheme scheme = schemes.get(year);
    List<Scoring.AgencyResult> results = a.state() == State.FINAL ? stored(year) : compute(a, scheme);
    List<AssessmentRepository.Objection> objections = assessments.objections(year);
    if (!office) {
      Set<Long> scope = access.agencyScope(viewer);
      results = results.stream().filter(r -> scope.contains(r.agencyId())).toList();
      objections = objections.stream().filter(o -> scope.contains(o.agencyId())).toList();
    }
    return new Standing(a, scheme, agencies.get(a.officeAgencyId()), results, objections);
  }

  /** A final year's stored results for the public, or nothing when the office has not published them. */
  java.util.Optional<Standing> published(int year) {
    return assessments.find(year).filter(a -> a.state() == State.FINAL && a.published())
        .map(a -> new Standing(a, schemes.get(year), agencies.get(a.officeAgencyId()), stored(year), List.of()));
  }

  List<Integer> publishedYears() {
    return assessments.all().stream().filter(a -> a.state() == State.FINAL && a.published()).map(Assessment::year).toList();
  }

  private List<Scoring.AgencyResult> stored(int year) {
    Map<Long, String> codes = new java.util.HashMap<>();
    agencies.all().forEach(x -> codes.put(x.id(), x.code()));
    return assessments.results(year, codes);
  }

  private List<Scoring.AgencyResult> compute(Assessment a, Scheme scheme) {
    Map<Long, Map<String, Scoring.Entry>> entries = assessments.entries(a.year());
    List<Scoring.AgencyResult> results = new ArrayList<>();
    for (Agency agency : assessed(a)) {
      Map<AutoRule, AutoIndicators.Measure> measured = new EnumMap<>(AutoRule.class);
      results.add(Scoring.score(scheme, agency, rule -> measured.computeIfAbsent(rule,
              r -> indicators.measure(r, agency, a.year())), entries.getOrDefault(agency.id(), Map.of()),
          fileLink(a.year(), agency)));
    }
    return Scoring.rank(results);
  }

  static String fileLink(int year, Agency agency) {
    return "/console/assessments/" + year + "/agencies/" + agency.code() + "/files/";
  }

  // ---- the assessors' entries ----

  /** Points with a reason (and a file) for an indicator of an agency; for a veto item, the veto. */
  void enter(int year, String agencyCode, String code, BigDecimal points, String reason, String fileName, byte[] file,
      Staff actor) {
    access.requirePlatformAdmin(actor);
    Agency agency = agency(agencyCode);
    transactions.executeWithoutResult(tx -> {
      Assessment a = open(year);
      requireAssessed(a, agency);
      Indicator indicator = schemes.get(year).find(code).filter(i -> i.kind() != IndicatorKind.CATEGORY)
          .orElseThrow(() -> Refusal.notFound("assessment.indicator.not-found", code));
      List<Refusal.FieldProblem> problems = new ArrayList<>();
      BigDecimal value = indicator.kind() == IndicatorKind.VETO ? BigDecimal.ZERO : points;
      if (value == null) {
        problems.add(new Refusal.FieldProblem("points", "assessment.entry.points-required"));
      } else if (value.signum() < 0 || value.compareTo(indicator.maxPoints()) > 0 || value.scale() > 2) {
        problems.add(new Refusal.FieldProblem("points", "assessment.entry.points-range",
            SchemeCheck.plain(indicator.maxPoints())));
      }
      String why = reason == null ? "" : reason.strip();
      if (why.isEmpty() || why.length() > 2000) {
        problems.add(new Refusal.FieldProblem("reason", "assessment.entry.reason-required"));
      }
      if (!problems.isEmpty()) {
        throw Refusal.invalid(problems);
      }
      String name = null;
      String type = null;
      String sha = null;
      if (file != null && file.length > 0) {
        var stored = files.store(FILES, fileName == null || fileName.isBlank() ? "evidence" : fileName, file,
            java.util.EnumSet.allOf(org.gongkai.shared.storage.FileTypes.Type.class),
            () -> Refusal.invalidField("file", "attachment.type"));
        name = stored.name();
        type = stored.contentType();
        sha = stored.sha256();
      }
      assessments.putEntry(year, agency.id(), new Scoring.Entry(code, value, why, name, actor.username()), type, sha,
          Instant.now(clock));
      audit.record(actor.username(), "assessment.entry.saved", "assessment", year,
          agency.code() + " " + code + " " + SchemeCheck.plain(value));
    });
  }

  void removeEntry(int year, String agencyCode, String code, Staff actor) {
    access.requirePlatformAdmin(actor);
    Agency agency = agency(agencyCode);
    transactions.executeWithoutResult(tx -> {
      open(year);
      if (!assessments.deleteEntry(year, agency.id(), code)) {
        throw Refusal.notFound("assessment.entry.not-found");
      }
      audit.record(actor.username(), "assessment.entry.removed", "assessment", year, agency.code() + " " + code);
    });
  }

  /** The file behind an entry, for the office and the agency's own staff. */
  AssessmentRepository.StoredEntry entryFile(int year, String agencyCode, String code, Staff viewer) {
    Agency agency = agency(agencyCode);
    standingAccess(year, agency, viewer);
    return assessments.storedEntries(year).stream()
        .filter(e -> e.agencyId() == agency.id() && e.entry().code().equals(code) && e.fileSha256() != null).findFirst()
        .orElseThrow(() -> Refusal.notFound("assessment.entry.not-found"));
  }

  private void standingAccess(int year, Agency agency, Staff viewer) {
    Assessment a = get(year);
    if (!viewer.isPlatformAdmin() && (a.state() == State.DRAFT || !access.mayWorkOn(viewer, agency.id()))) {
      throw Refusal.notFound("assessment.not-released", String.valueOf(year));
    }
  }

  // ---- release, objections, final ----

  /** Shows the draft to the agencies, who may object until the day given (inclusive). */
  void release(int year, LocalDate until, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (until == null || until.isBefore(today())) {
      throw Refusal.invalidField("until", "assessment.release.until");
    }
    transactions.executeWithoutResult(tx -> {
      open(year);
      assessments.release(year, until);
      audit.record(actor.username(), "assessment.released", "assessment", year, "objections until " + until);
    });
  }

  /** An agency's objection to its draft result, within the period; {@code code} null for the result as a whole. */
  long object(int year, String agencyCode, String code, String text, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireReviewer(actor, agency.id());
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.length() > 2000) {
      throw Refusal.invalidField("text", "assessment.objection.text");
    }
    String indicator = code == null || code.isBlank() ? null : code.strip();
    return transactions.execute(tx -> {
      Assessment a = assessments.lock(year).orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
      if (a.state() != State.REVIEW) {
        throw Refusal.conflict("assessment.objection.not-open");
      }
      if (today().isAfter(a.objectionsUntil())) {
        throw Refusal.conflict("assessment.objection.period-over", a.objectionsUntil());
      }
      requireAssessed(a, agency);
      if (indicator != null && schemes.get(year).find(indicator).isEmpty()) {
        throw Refusal.invalidField("indicator", "assessment.indicator.not-found", indicator);
      }
      long id = assessments.insertObjection(year, agency.id(), indicator, body, actor.username(), Instant.now(clock));
      audit.record(actor.username(), "assessment.objection.raised", "assessment-objection", id,
          year + " " + agency.code() + (indicator == null ? "" : " " + indicator));
      return id;
    });
  }

  /** The office's answer: ACCEPTED (the points are corrected by an entry) or REJECTED, with its reasons. */
  void answer(int year, long objectionId, String decision, String answer, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (!"ACCEPTED".equals(decision) && !"REJECTED".equals(decision)) {
      throw Refusal.invalidField("decision", "assessment.objection.decision");
    }
    String text = answer == null ? "" : answer.strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw Refusal.invalidField("answer", "assessment.objection.answer");
    }
    transactions.executeWithoutResult(tx -> {
      open(year);
      if (!assessments.answerObjection(objectionId, year, decision, text, actor.username(), Instant.now(clock))) {
        throw Refusal.conflict("assessment.objection.answered");
      }
      audit.record(actor.username(), "assessment.objection." + decision.toLowerCase(java.util.Locale.ROOT),
          "assessment-objection", objectionId, String.valueOf(year));
    });
  }

  /** Stores every agency's result as it stands: after this, nothing the scheme or the records do changes it. */
  void finalise(int year, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(tx -> {
      Assessment a = assessments.lock(year).orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
      if (a.state() != State.REVIEW) {
        throw Refusal.conflict("assessment.finalise.not-released");
      }
      if (!today().isAfter(a.objectionsUntil())) {
        throw Refusal.conflict("assessment.finalise.period-open", a.objectionsUntil());
      }
      long open = assessments.objections(year).stream().filter(AssessmentRepository.Objection::open).count();
      if (open > 0) {
        throw Refusal.conflict("assessment.finalise.objections-open", open);
      }
      List<Scoring.AgencyResult> results = compute(a, schemes.get(year));
      results.forEach(r -> assessments.store(year, r));
      assessments.finalise(year, actor.username(), Instant.now(clock));
      audit.record(actor.username(), "assessment.finalised", "assessment", year, results.size() + " agencies");
    });
  }

  /** Shows or hides a final ranking on the portal. */
  void publish(int year, boolean published, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(tx -> {
      Assessment a = assessments.lock(year).orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
      if (a.state() != State.FINAL) {
        throw Refusal.conflict("assessment.publish.not-final");
      }
      assessments.setPublished(year, published);
      site.changed();
      audit.record(actor.username(), published ? "assessment.published" : "assessment.unpublished", "assessment", year, "");
    });
  }

  /** Each final year's total per agency, for the year-on-year comparison. */
  Map<Integer, Map<Long, BigDecimal>> finalTotals() {
    return assessments.finalTotals();
  }

  private Assessment open(int year) {
    Assessment a = assessments.lock(year).orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
    if (a.state() == State.FINAL) {
      throw Refusal.conflict("assessment.final");
    }
    return a;
  }

  private void requireAssessed(Assessment a, Agency agency) {
    if (assessed(a).stream().noneMatch(x -> x.id() == agency.id())) {
      throw Refusal.invalidField("agency", "assessment.agency.not-assessed", agency.name());
    }
  }

  Agency agency(String code) {
    return agencies.findByCode(code == null ? "" : code.strip()).orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }
}
