package org.gongkai.monitor.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.monitor.Monitor;
import org.gongkai.monitor.WordList;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.CsvFile;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run over every agency on every site that shows it: each day's score and findings are
 * kept per site and agency, so that the office sees today's ranking of each site, each agency's
 * history, and can export what is to be fixed. Each site's own pages are checked on that site
 * ({@link SitePages}) and what they show wrong counts on that site only. A second run on the same
 * day replaces that day's result.
 */
@Service
class MonitorRuns implements Monitor {

  private final Inspector inspector;
  private final WordLists words;
  private final AgencyDirectory agencies;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MessageSource messages;
  private final Sites sites;
  private final SitePages pages;

  private final int proactiveWorkingDays;

  MonitorRuns(
      Inspector inspector,
      WordLists words,
      AgencyDirectory agencies,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock,
      MessageSource messages,
      MonitorProperties settings,
      Sites sites,
      SitePages pages) {
    this.sites = sites;
    this.pages = pages;
    this.messages = messages;
    this.proactiveWorkingDays = settings.proactiveWorkingDays();
    this.inspector = inspector;
    this.words = words;
    this.agencies = agencies;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  record Ranked(
      String agency, String agencyName, LocalDate runOn, int score, boolean vetoed, int findings) {}

  record Point(LocalDate runOn, int score, boolean vetoed) {}

  @ClusterJob(cron = "${gongkai.monitor.cron:" + MonitorProperties.CRON + "}")
  void daily() {
    runAll();
  }

  @Override
  public void addWord(WordList list, String term, String replacement, Staff actor) {
    words.add(list, term, replacement, actor);
  }

  @Override
  public int proactiveWorkingDays() {
    return proactiveWorkingDays;
  }

  @Override
  public int runAll() {
    List<Agency> all = agencies.all();
    int n = 0;
    for (Site site : sites.all()) {
      SitePages.Check check = null;
      for (Agency agency : all) {
        if (sites.shows(site, agency.id())) {
          if (check == null) {
            check = pages.check(site);
          }
          run(site, agency, check);
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public void check(long agencyId) {
    agencies.find(agencyId).ifPresent(this::run);
  }

  /** Checks the agency again on every site that shows it, each site's pages with it. */
  void run(Agency agency) {
    for (Site site : sites.all()) {
      if (sites.shows(site, agency.id())) {
        run(site, agency, pages.check(site));
      }
    }
  }

  Inspector.Assessment run(Site site, Agency agency, SitePages.Check check) {
    Inspector.Assessment assessment =
        inspector.assess(agency, Locale.SIMPLIFIED_CHINESE, site, check);
    LocalDate today = LocalDate.now(clock);
    try {
      record(site, agency, assessment, today);
    } catch (DuplicateKeyException concurrent) {
      // Another run of the same site, agency and day (the daily run beside a recheck) committed
      // between this one's delete and insert: the day keeps one run, the later one.
      record(site, agency, assessment, today);
    }
    return assessment;
  }

  private void record(Site site, Agency agency, Inspector.Assessment assessment, LocalDate today) {
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "DELETE FROM monitor_finding WHERE run_id IN (SELECT id FROM monitor_run"
                      + " WHERE site_id = ? AND agency_id = ? AND run_on = ?)")
              .params(site.id(), agency.id(), today)
              .update();
          jdbc.sql("DELETE FROM monitor_run WHERE site_id = ? AND agency_id = ? AND run_on = ?")
              .params(site.id(), agency.id(), today)
              .update();
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          List<Inspector.Finding> all = new ArrayList<>(assessment.veto());
          all.addAll(assessment.findings());
          jdbc.sql(
                  "INSERT INTO monitor_run (site_id, agency_id, run_on, score, vetoed, findings, ran_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  site.id(),
                  agency.id(),
                  today,
                  assessment.score(),
                  !assessment.veto().isEmpty(),
                  all.size(),
                  Timestamps.toDb(Instant.now(clock)))
              .update(keys, "id");
          long runId = keys.getKey().longValue();
          for (Inspector.Finding f : all) {
            jdbc.sql(
                    "INSERT INTO monitor_finding (run_id, site_id, rule, severity, target, message, link,"
                        + " message_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    runId,
                    site.id(),
                    f.rule().name(),
                    f.severity(),
                    cut(f.target(), 300),
                    cut(f.message(), 1000),
                    cut(f.link(), 300),
                    cut(FindingText.encode(f.args()), 1000))
                .update();
          }
        });
  }

  /** Every agency's latest run on its own site ({@link Sites#home}), best first. */
  List<Ranked> ranking() {
    return ranking(null);
  }

  /**
   * Every agency's latest run on the site, best first; without a site, each agency's on its own
   * site.
   */
  List<Ranked> ranking(Long siteId) {
    return jdbc
        .sql(
            "SELECT r.agency_id, r.run_on, r.score, r.vetoed, r.findings, r.site_id FROM monitor_run r"
                + " WHERE r.run_on = (SELECT MAX(x.run_on) FROM monitor_run x WHERE x.agency_id = r.agency_id"
                + " AND x.site_id = r.site_id) AND (:site IS NULL OR r.site_id = :site)"
                + " ORDER BY r.vetoed, r.score DESC")
        .param("site", siteId, java.sql.Types.BIGINT)
        .query(
            (rs, i) -> {
              if (siteId == null && sites.home(rs.getLong(1)).id() != rs.getLong(6)) {
                return null;
              }
              Agency a = agencies.get(rs.getLong(1));
              return new Ranked(
                  a.code(),
                  a.name(),
                  rs.getObject(2, LocalDate.class),
                  rs.getInt(3),
                  rs.getBoolean(4),
                  rs.getInt(5));
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The agency's runs on its own site. */
  List<Point> history(long agencyId, int days) {
    return jdbc.sql(
            "SELECT run_on, score, vetoed FROM monitor_run WHERE agency_id = ? AND site_id = ?"
                + " AND run_on >= ? ORDER BY run_on")
        .params(agencyId, sites.home(agencyId).id(), LocalDate.now(clock).minusDays(days))
        .query(
            (rs, i) -> new Point(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getBoolean(3)))
        .list();
  }

  /** Each day's run on the agency's own site, else on another site showing it. */
  @Override
  public List<DailyScore> scores(long agencyId, LocalDate first, LocalDate last) {
    long home = sites.home(agencyId).id();
    java.util.Map<LocalDate, DailyScore> byDay = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT run_on, score, vetoed FROM monitor_run WHERE agency_id = ? AND run_on BETWEEN ? AND ?"
                + " ORDER BY run_on, CASE WHEN site_id = ? THEN 0 ELSE 1 END, site_id")
        .params(agencyId, first, last, home)
        .query(
            (rs, i) ->
                new DailyScore(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getBoolean(3)))
        .list()
        .forEach(d -> byDay.putIfAbsent(d.runOn(), d));
    return List.copyOf(byDay.values());
  }

  /**
   * The latest run's findings of every agency, in the reader's language, as CSV with a byte-order
   * mark for Excel.
   */
  String exportLatest(Locale locale) {
    return exportLatest(locale, null);
  }

  /** The same of one site's runs, or of every site's (a column names the site). */
  String exportLatest(Locale locale, Long siteId) {
    CsvFile csv =
        new CsvFile(
            List.of("site", "agency", "run_on", "score", "rule", "severity", "target", "message"));
    jdbc.sql(
            "SELECT r.agency_id, r.run_on, r.score, f.rule, f.severity, f.target, f.message, f.message_args,"
                + " f.site_id FROM monitor_finding f"
                + " JOIN monitor_run r ON r.id = f.run_id WHERE r.run_on = (SELECT MAX(x.run_on) FROM monitor_run x"
                + " WHERE x.agency_id = r.agency_id AND x.site_id = r.site_id)"
                + " AND (:site IS NULL OR f.site_id = :site) ORDER BY f.site_id, r.agency_id, f.id")
        .param("site", siteId, java.sql.Types.BIGINT)
        .query(
            (rs, i) -> {
              csv.row(
                  Arrays.asList(
                      sites.find(rs.getLong(9)).map(Site::name).orElse(""),
                      agencies.get(rs.getLong(1)).name(),
                      rs.getObject(2, LocalDate.class).toString(),
                      rs.getInt(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      FindingText.render(
                          messages,
                          rs.getString(4),
                          FindingText.decode(rs.getString(8)),
                          rs.getString(7),
                          locale)));
              return null;
            })
        .list();
    return csv.toString();
  }

  /** A finding of a site's latest runs, its message in the reader's language. */
  record SiteFinding(
      long agencyId, String agencyName, String rule, String target, String message, String link) {}

  /** The findings of the latest run of each agency on the site, vetoes first. */
  List<SiteFinding> latestFindings(long siteId, Locale locale) {
    return jdbc.sql(
            "SELECT r.agency_id, f.rule, f.target, f.message, f.message_args, f.link FROM monitor_finding f"
                + " JOIN monitor_run r ON r.id = f.run_id WHERE f.site_id = ? AND r.run_on ="
                + " (SELECT MAX(x.run_on) FROM monitor_run x WHERE x.agency_id = r.agency_id"
                + " AND x.site_id = r.site_id)"
                + " ORDER BY CASE f.severity WHEN 'VETO' THEN 0 ELSE 1 END, r.agency_id, f.id")
        .param(siteId)
        .query(
            (rs, i) ->
                new SiteFinding(
                    rs.getLong(1),
                    agencies.get(rs.getLong(1)).name(),
                    rs.getString(2),
                    rs.getString(3),
                    FindingText.render(
                        messages,
                        rs.getString(2),
                        FindingText.decode(rs.getString(5)),
                        rs.getString(4),
                        locale),
                    rs.getString(6)))
        .list();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
