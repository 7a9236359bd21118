package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.assessment.internal.AssessmentRepository.Assessment;
import org.gongkai.assessment.internal.AssessmentRepository.State;
import org.gongkai.audit.AuditTrail;
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

  private final AssessmentRepository assessments;
  private final Schemes schemes;
  private final AutoIndicators indicators;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Assessments(
      AssessmentRepository assessments,
      Schemes schemes,
      AutoIndicators indicators,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.assessments = assessments;
    this.schemes = schemes;
    this.indicators = indicators;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * A year's assessment as a reader may see it: the scheme, and the agencies' results best first.
   */
  record Standing(
      Assessment assessment,
      Scheme scheme,
      Agency office,
      List<Scoring.AgencyResult> results,
      List<AssessmentRepository.Objection> objections) {

    public boolean isFinal() {
      return assessment.state() == State.FINAL;
    }

    /**
     * The indicators as the results hold them (a final result keeps the scheme it was scored on).
     */
    public List<Scoring.Item> indicators() {
      return results.isEmpty() ? List.of() : results.get(0).items();
    }

    /**
     * The top-level indicators that score: the ranking's columns (a veto shows beside the total).
     */
    public List<Scoring.Item> categories() {
      return indicators().stream()
          .filter(i -> i.parentCode() == null && i.kind() != IndicatorKind.VETO)
          .toList();
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
    return assessments
        .find(year)
        .orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
  }

  /**
   * Opens the year's assessment of the agencies below the office's agency, with the year's scheme
   * (started if missing).
   */
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
    return transactions.execute(
        tx -> {
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
    return agencies.all().stream()
        .filter(x -> below.contains(x.id()) && x.id() != a.officeAgencyId())
        .toList();
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
    List<Scoring.AgencyResult> results =
        a.state() == State.FINAL ? stored(year) : compute(a, scheme);
    List<AssessmentRepository.Objection> objections = assessments.objections(year);
    if (!office) {
      Set<Long> scope = access.agencyScope(viewer);
      results = results.stream().filter(r -> scope.contains(r.agencyId())).toList();
      objections = objections.stream().filter(o -> scope.contains(o.agencyId())).toList();
    }
    return new Standing(a, scheme, agencies.get(a.officeAgencyId()), results, objections);
  }

  /**
   * A final year's stored results for the public, or nothing when the office has not published
   * them.
   */
  Optional<Standing> published(int year) {
    return assessments
        .find(year)
        .filter(a -> a.state() == State.FINAL && a.published())
        .map(
            a ->
                new Standing(
                    a,
                    schemes.get(year),
                    agencies.get(a.officeAgencyId()),
                    stored(year),
                    List.of()));
  }

  List<Integer> publishedYears() {
    return assessments.all().stream()
        .filter(a -> a.state() == State.FINAL && a.published())
        .map(Assessment::year)
        .toList();
  }

  private List<Scoring.AgencyResult> stored(int year) {
    Map<Long, String> codes = new HashMap<>();
    agencies.all().forEach(x -> codes.put(x.id(), x.code()));
    return assessments.results(year, codes);
  }

  /** Every assessed agency scored now, from the records and the entries, and ranked. */
  List<Scoring.AgencyResult> compute(Assessment a, Scheme scheme) {
    Map<Long, Map<String, Scoring.Entry>> entries = assessments.entries(a.year());
    List<Scoring.AgencyResult> results = new ArrayList<>();
    Set<AutoRule> rules =
        scheme.leaves().stream()
            .map(Indicator::rule)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(AutoRule.class)));
    for (Agency agency : assessed(a)) {
      Map<AutoRule, AutoIndicators.Measure> measured =
          indicators.measureAll(rules, agency, a.year());
      results.add(
          Scoring.score(
              scheme,
              agency,
              measured::get,
              entries.getOrDefault(agency.id(), Map.of()),
              fileLink(a.year(), agency)));
    }
    return Scoring.rank(results);
  }

  static String fileLink(int year, Agency agency) {
    return "/console/assessments/" + year + "/agencies/" + agency.code() + "/files/";
  }

  /** Each final year's total per agency, for the year-on-year comparison. */
  Map<Integer, Map<Long, BigDecimal>> finalTotals() {
    return assessments.finalTotals();
  }

  /** The year's assessment locked for a change, refused once final. */
  Assessment open(int year) {
    Assessment a =
        assessments
            .lock(year)
            .orElseThrow(() -> Refusal.notFound("assessment.not-found", String.valueOf(year)));
    if (a.state() == State.FINAL) {
      throw Refusal.conflict("assessment.final");
    }
    return a;
  }

  void requireAssessed(Assessment a, Agency agency) {
    if (assessed(a).stream().noneMatch(x -> x.id() == agency.id())) {
      throw Refusal.invalidField("agency", "assessment.agency.not-assessed", agency.name());
    }
  }

  Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.strip())
        .orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }
}
