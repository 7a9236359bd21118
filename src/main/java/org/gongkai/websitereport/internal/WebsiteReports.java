package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.websitereport.WebsiteReportPublished;
import org.gongkai.websitereport.internal.ReportViews.Entered;
import org.gongkai.websitereport.internal.ReportViews.Figure;
import org.gongkai.websitereport.internal.ReportViews.Report;
import org.gongkai.websitereport.internal.Template.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's yearly website report and the network's supervision report: the computed rows read fresh
 * until the report is frozen, the entered rows as staff entered them, the checks; freezing keeps
 * every row as it stood, and a frozen report never changes again.
 */
@Service
class WebsiteReports {

  static final long NETWORK = 0;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final SiteFigures siteFigures;
  private final NetworkFigures networkFigures;
  private final ReportStore store;
  private final ReportAccess access;
  private final AuditTrail audit;
  private final ReportPublication publication;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final VersionStore versions;

  WebsiteReports(
      SiteFigures siteFigures,
      NetworkFigures networkFigures,
      ReportStore store,
      ReportAccess access,
      AuditTrail audit,
      ReportPublication publication,
      Clock clock,
      ApplicationEventPublisher events,
      VersionStore versions) {
    this.events = events;
    this.versions = versions;
    this.publication = publication;
    this.siteFigures = siteFigures;
    this.networkFigures = networkFigures;
    this.store = store;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Report site(long siteId, int year, Staff me) {
    Site site = access.readable(siteId, me);
    return assemble(site.id(), year, () -> siteFigures.compute(site, year));
  }

  @Transactional(readOnly = true)
  public Report supervision(int year, Staff me) {
    access.supervision(me);
    return assemble(NETWORK, year, () -> networkFigures.compute(year));
  }

  /**
   * Enters figures of a site's report (siteId) or of the network's (null); all or nothing: one
   * value that does not fit its row, or a row the platform computes, refuses them all.
   */
  @Transactional
  public Report enter(Long siteId, int year, Map<String, Entered> figures, Staff me) {
    long subject = subject(siteId, me);
    boolean supervision = subject == NETWORK;
    year(year);
    if (store.frozen(subject, year).isPresent()) {
      throw Refusal.conflict("website-report.frozen", year);
    }
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    figures.forEach(
        (key, entered) -> {
          Optional<Row> row = Template.row(supervision, key);
          if (row.isEmpty() || row.get().source() != Template.Source.ENTERED) {
            problems.add(new Refusal.FieldProblem(key, "website-report.entry.not-entered", key));
            return;
          }
          String value = entered == null || entered.value() == null ? "" : entered.value().strip();
          String source =
              entered == null || entered.source() == null ? "" : entered.source().strip();
          if (Template.parse(row.get(), value) == null) {
            problems.add(new Refusal.FieldProblem(key, "website-report.entry.invalid", key));
          } else if (source.isEmpty() || source.length() > 500 || value.length() > 500) {
            problems.add(new Refusal.FieldProblem(key, "website-report.entry.source", key));
          } else {
            values.put(key, value + "\n" + source);
          }
        });
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    Instant now = clock.instant();
    values.forEach(
        (key, both) -> {
          String value = both.substring(0, both.indexOf('\n'));
          String source = both.substring(both.indexOf('\n') + 1);
          store.save(subject, year, new ReportStore.Entry(key, value, source, me.username(), now));
          audit.record(
              me.username(),
              "website-report.figure.entered",
              "website-report",
              subject + "/" + year,
              key + "=" + value + " (" + source + ")");
        });
    return supervision ? supervision(year, me) : site(subject, year, me);
  }

  /** Freezes the report once it passes every check; refused (409, with the problems) otherwise. */
  @Transactional
  public Report freeze(Long siteId, int year, Staff me) {
    long subject = subject(siteId, me);
    year(year);
    Report report = subject == NETWORK ? supervision(year, me) : site(subject, year, me);
    if (report.frozen()) {
      throw Refusal.conflict("website-report.frozen", year);
    }
    if (!report.problems().isEmpty()) {
      throw Refusal.conflict("website-report.check.failed", report.problems().size());
    }
    if (!year(year).isBefore(clock.instant())) {
      throw Refusal.conflict("website-report.year-not-over", year);
    }
    String figures = JSON.writeValueAsString(report.figures());
    Optional<VersionStore.Correction> correction = versions.correction(subject, year);
    if (!store.freeze(
        subject,
        year,
        new ReportStore.Frozen(
            figures,
            me.username(),
            clock.instant(),
            null,
            report.version(),
            report.correction()))) {
      throw Refusal.conflict("website-report.frozen", year);
    }
    Report frozen = subject == NETWORK ? supervision(year, me) : site(subject, year, me);
    long documentId = publication.publish(frozen, me);
    store.published(subject, year, documentId);
    if (correction.isPresent()) {
      // The corrected version replaces the one published before: that document is withdrawn,
      // its frozen copy kept among the earlier versions.
      versions.earlier(subject, year).stream()
          .filter(v -> v.version() == correction.get().version())
          .findFirst()
          .map(ReportStore.Frozen::documentId)
          .ifPresent(previous -> publication.withdraw(previous, me));
      versions.close(subject, year);
    }
    events.publishEvent(
        new WebsiteReportPublished(subject == NETWORK ? null : subject, year, documentId));
    audit.record(
        me.username(),
        correction.isPresent() ? "website-report.corrected" : "website-report.frozen",
        "website-report",
        subject + "/" + year,
        report.report()
            + " "
            + year
            + " version "
            + report.version()
            + " document "
            + documentId
            + correction.map(c -> " (" + c.reason() + ")").orElse(""));
    return subject == NETWORK ? supervision(year, me) : site(subject, year, me);
  }

  /** The day a year's reports are due: 31 January of the year after (国办函〔2018〕12号). */
  static java.time.LocalDate due(int year) {
    return java.time.LocalDate.of(year + 1, 1, 31);
  }

  private long subject(Long siteId, Staff me) {
    if (siteId == null) {
      access.supervision(me);
      return NETWORK;
    }
    return access.changeable(siteId, me).id();
  }

  /** The instant the year ends; refuses a year out of range. */
  private Instant year(int year) {
    if (year < 2017 || year > 9999) {
      throw Refusal.invalidField("year", "error.invalid-value", "year");
    }
    return java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.getZone()).toInstant();
  }

  private Report assemble(
      long subject, int year, java.util.function.Supplier<Map<String, Object>> computed) {
    year(year);
    boolean supervision = subject == NETWORK;
    String name = supervision ? "supervision" : "website";
    Optional<ReportStore.Frozen> frozen = store.frozen(subject, year);
    Long site = supervision ? null : subject;
    if (frozen.isPresent()) {
      List<Figure> figures =
          JSON.readValue(frozen.get().figures(), new TypeReference<List<Figure>>() {});
      return new Report(
          name,
          site,
          year,
          true,
          frozen.get().frozenBy(),
          frozen.get().frozenAt(),
          frozen.get().documentId(),
          figures,
          List.of(),
          frozen.get().version(),
          frozen.get().correctionReason(),
          false);
    }
    Map<String, Object> values = computed.get();
    Map<String, ReportStore.Entry> entries = store.entries(subject, year);
    List<Figure> figures = new ArrayList<>();
    for (Row row : Template.rows(supervision)) {
      ReportStore.Entry entry = entries.get(row.key());
      Object value =
          row.source() == Template.Source.COMPUTED
              ? values.get(row.key())
              : entry == null ? null : Template.parse(row, entry.value());
      figures.add(
          new Figure(
              row.key(),
              row.section(),
              row.kind().name().toLowerCase(Locale.ROOT),
              value,
              row.source().json(),
              row.from(),
              entry == null ? null : entry.note(),
              entry == null ? null : entry.enteredBy(),
              entry == null ? null : entry.enteredAt()));
    }
    DerivedFigures.derive(figures, supervision);
    Optional<VersionStore.Correction> correction = versions.correction(subject, year);
    return new Report(
        name,
        site,
        year,
        false,
        null,
        null,
        null,
        figures,
        ReportChecks.check(figures, supervision),
        correction.map(c -> c.version() + 1).orElse(1),
        correction.map(VersionStore.Correction::reason).orElse(null),
        correction.isPresent());
  }
}
