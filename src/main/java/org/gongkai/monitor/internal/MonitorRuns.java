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
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run over every agency: each day's score and findings are kept, so that the office sees
 * today's ranking, each agency's history, and can export what is to be fixed. A second run on the
 * same day replaces that day's result.
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

  private final int proactiveWorkingDays;

  MonitorRuns(
      Inspector inspector,
      WordLists words,
      AgencyDirectory agencies,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock,
      MessageSource messages,
      MonitorProperties settings) {
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
    int n = 0;
    for (Agency agency : agencies.all()) {
      run(agency);
      n++;
    }
    return n;
  }

  Inspector.Assessment run(Agency agency) {
    Inspector.Assessment assessment = inspector.assess(agency, Locale.SIMPLIFIED_CHINESE);
    LocalDate today = LocalDate.now(clock);
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "DELETE FROM monitor_finding WHERE run_id IN (SELECT id FROM monitor_run WHERE agency_id = ? AND run_on = ?)")
              .params(agency.id(), today)
              .update();
          jdbc.sql("DELETE FROM monitor_run WHERE agency_id = ? AND run_on = ?")
              .params(agency.id(), today)
              .update();
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          List<Inspector.Finding> all = new ArrayList<>(assessment.veto());
          all.addAll(assessment.findings());
          jdbc.sql(
                  "INSERT INTO monitor_run (agency_id, run_on, score, vetoed, findings, ran_at) VALUES (?, ?, ?, ?, ?, ?)")
              .params(
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
                    "INSERT INTO monitor_finding (run_id, rule, severity, target, message, link, message_args)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                    runId,
                    f.rule().name(),
                    f.severity(),
                    cut(f.target(), 300),
                    cut(f.message(), 1000),
                    f.link(),
                    cut(FindingText.encode(f.args()), 1000))
                .update();
          }
        });
    return assessment;
  }

  /** Every agency's latest run, best first. */
  List<Ranked> ranking() {
    return jdbc.sql(
            "SELECT r.agency_id, r.run_on, r.score, r.vetoed, r.findings FROM monitor_run r WHERE r.run_on ="
                + " (SELECT MAX(x.run_on) FROM monitor_run x WHERE x.agency_id = r.agency_id) ORDER BY r.vetoed, r.score DESC")
        .query(
            (rs, i) -> {
              Agency a = agencies.get(rs.getLong(1));
              return new Ranked(
                  a.code(),
                  a.name(),
                  rs.getObject(2, LocalDate.class),
                  rs.getInt(3),
                  rs.getBoolean(4),
                  rs.getInt(5));
            })
        .list();
  }

  List<Point> history(long agencyId, int days) {
    return jdbc.sql(
            "SELECT run_on, score, vetoed FROM monitor_run WHERE agency_id = ? AND run_on >= ? ORDER BY run_on")
        .params(agencyId, LocalDate.now(clock).minusDays(days))
        .query(
            (rs, i) -> new Point(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getBoolean(3)))
        .list();
  }

  @Override
  public List<DailyScore> scores(long agencyId, LocalDate first, LocalDate last) {
    return jdbc.sql(
            "SELECT run_on, score, vetoed FROM monitor_run WHERE agency_id = ? AND run_on BETWEEN ? AND ? ORDER BY run_on")
        .params(agencyId, first, last)
        .query(
            (rs, i) ->
                new DailyScore(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getBoolean(3)))
        .list();
  }

  /**
   * The latest run's findings of every agency, in the reader's language, as CSV with a byte-order
   * mark for Excel.
   */
  String exportLatest(Locale locale) {
    CsvFile csv =
        new CsvFile(List.of("agency", "run_on", "score", "rule", "severity", "target", "message"));
    jdbc.sql(
            "SELECT r.agency_id, r.run_on, r.score, f.rule, f.severity, f.target, f.message, f.message_args"
                + " FROM monitor_finding f"
                + " JOIN monitor_run r ON r.id = f.run_id WHERE r.run_on = (SELECT MAX(x.run_on) FROM monitor_run x"
                + " WHERE x.agency_id = r.agency_id) ORDER BY r.agency_id, f.id")
        .query(
            (rs, i) -> {
              csv.row(
                  Arrays.asList(
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

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
