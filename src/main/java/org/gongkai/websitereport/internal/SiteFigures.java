package org.gongkai.websitereport.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.analytics.YearVisits;
import org.gongkai.catalog.CatalogFigures;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.consultation.ConsultationFigures;
import org.gongkai.interaction.InterviewFigures;
import org.gongkai.interaction.MailboxFigures;
import org.gongkai.monitor.MonitorFigures;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.gongkai.topic.Topic;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Component;

/**
 * The computed rows of a site's 《政府网站工作年度报表》, each read from the module that holds its records: the
 * site's identity, its visits, the catalog of the agencies it shows, their topics, mailbox,
 * consultations and interviews, and the monitor's runs of the site.
 */
@Component
class SiteFigures {

  /** Columns whose items are 概况类信息 (the agency's functions, leaders and staff). */
  static final Set<ColumnType> OVERVIEW = Set.of(ColumnType.FUNCTIONS, ColumnType.PERSONNEL);

  /** Columns whose items are 政务动态 (news and notices). */
  static final Set<ColumnType> NEWS = Set.of(ColumnType.NEWS, ColumnType.NOTICE);

  private final Sites sites;
  private final AgencyDirectory agencies;
  private final YearVisits visits;
  private final CatalogFigures catalog;
  private final Topics topics;
  private final MailboxFigures mailbox;
  private final ConsultationFigures consultations;
  private final InterviewFigures interviews;
  private final MonitorFigures monitor;
  private final Clock clock;

  SiteFigures(
      Sites sites,
      AgencyDirectory agencies,
      YearVisits visits,
      CatalogFigures catalog,
      Topics topics,
      MailboxFigures mailbox,
      ConsultationFigures consultations,
      InterviewFigures interviews,
      MonitorFigures monitor,
      Clock clock) {
    this.sites = sites;
    this.agencies = agencies;
    this.visits = visits;
    this.catalog = catalog;
    this.topics = topics;
    this.mailbox = mailbox;
    this.consultations = consultations;
    this.interviews = interviews;
    this.monitor = monitor;
    this.clock = clock;
  }

  /** The agencies whose records the site's report counts: those it shows, subtrees included. */
  Collection<Long> scope(Site site) {
    return sites
        .agencyScope(site)
        .<Collection<Long>>map(Set::copyOf)
        .orElseGet(() -> agencies.all().stream().map(Agency::id).toList());
  }

  /** Every computed row of the site's report of the year, by key. */
  Map<String, Object> compute(Site site, int year) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("site.name", site.name());
    v.put("site.address", site.canonicalHost());
    v.put("site.organizer", site.organizer());
    v.put("site.type", site.type().name());
    v.put("site.id-code", site.idCode());
    v.put("site.icp-filing", site.icpFiling());
    v.put("site.security-filing", site.securityFiling());

    YearVisits.Totals seen = visits.ofYear(site.id(), year);
    v.put("visits.visitors", seen.visitors());
    v.put("visits.views", seen.views());

    Collection<Long> scope = scope(site);
    items(scope, year, v);
    topics(scope, year, v);
    long materials =
        catalog
            .firstPublishedPerColumn(
                scope,
                DocumentKind.INTERPRETATION,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31))
            .stream()
            .mapToLong(CatalogFigures.ColumnCount::count)
            .sum();
    v.put("interpretation.materials", materials);

    MailboxFigures.MailboxYear messages = mailbox.year(scope, year);
    v.put("interaction.messages.received", (long) messages.received());
    v.put("interaction.messages.concluded", (long) messages.concluded());
    v.put(
        "interaction.messages.average-days",
        messages.concluded() == 0
            ? BigDecimal.ZERO.setScale(1)
            : BigDecimal.valueOf(messages.daysToConclude())
                .divide(BigDecimal.valueOf(messages.concluded()), 1, RoundingMode.HALF_UP));
    v.put("interaction.messages.published", (long) messages.answersPublished());

    ConsultationFigures.ConsultationYear calls = consultations.year(scope, year);
    v.put("interaction.consultations.periods", (long) calls.periods());
    v.put("interaction.consultations.opinions", (long) calls.opinions());
    v.put("interaction.consultations.results", (long) calls.resultsPublished());

    InterviewFigures.InterviewYear held = interviews.year(scope, year);
    v.put("interaction.interviews.held", (long) held.held());
    v.put("interaction.interviews.questions", (long) held.questionsReceived());
    v.put("interaction.interviews.answered", (long) held.questionsAnswered());

    MonitorFigures.SiteChecks checks =
        monitor.siteChecks(site.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    v.put("security.inspections", (long) checks.days());
    v.put("security.problems-found", (long) checks.problemsFound());
    v.put("security.problems-fixed", (long) checks.problemsFixed());
    v.put("security.monitoring", checks.days() > 0);

    // Every site of the platform has the full-text search (search as a service) and the
    // accessible pages with the senior mode; more than one language is the site's own setting.
    v.put("innovation.search", true);
    v.put("innovation.languages", site.languages().size() > 1);
    v.put("innovation.accessibility", true);
    return v;
  }

  /**
   * Items first published in the year, by the type of the column they went out in, counted even
   * when withdrawn or revised since.
   */
  private void items(Collection<Long> scope, int year, Map<String, Object> v) {
    Map<Long, ColumnType> types = new HashMap<>();
    long total = 0;
    long overview = 0;
    long news = 0;
    for (CatalogFigures.ColumnCount p :
        catalog.firstPublishedPerColumn(
            scope, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
      ColumnType type =
          types.computeIfAbsent(
              p.columnId(), id -> agencies.column(id).map(Column::type).orElse(ColumnType.GENERAL));
      total += p.count();
      overview += OVERVIEW.contains(type) ? p.count() : 0;
      news += NEWS.contains(type) ? p.count() : 0;
    }
    v.put("items.total", total);
    v.put("items.overview", overview);
    v.put("items.news", news);
    v.put("items.catalog", total - overview - news);
  }

  /** Published topics of the agencies: created by the year's end, and created in the year. */
  private void topics(Collection<Long> scope, int year, Map<String, Object> v) {
    long maintained = 0;
    long opened = 0;
    for (Topic topic : topics.published()) {
      if (!scope.contains(topic.agencyId())) {
        continue;
      }
      int created = topic.createdAt().atZone(clock.getZone()).getYear();
      maintained += created <= year ? 1 : 0;
      opened += created == year ? 1 : 0;
    }
    v.put("topics.maintained", maintained);
    v.put("topics.opened", opened);
  }
}
