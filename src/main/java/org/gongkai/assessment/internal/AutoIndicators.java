package org.gongkai.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.consultation.ConsultationFigures;
import org.gongkai.decision.DecisionFigures;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.interaction.InterviewFigures;
import org.gongkai.interaction.MailboxFigures;
import org.gongkai.monitor.Monitor;
import org.gongkai.report.ReportStanding;
import org.gongkai.site.Offers;
import org.springframework.stereotype.Service;

/**
 * The indicators computed from the platform's own records, each with its evidence. A year not yet
 * over is measured up to today; what is not yet due (a message, a month's report) is left out.
 */
@Service
class AutoIndicators {

  /** A rule's reading: the share earned (SHARE rules) or the failings counted (COUNT rules). */
  record Measure(double share, long count, Evidence evidence) {}

  private final Monitor monitor;
  private final CatalogInspection catalog;
  private final FoiStatistics foi;
  private final ReportStanding reports;
  private final MailboxFigures mailbox;
  private final ConsultationFigures consultations;
  private final InterviewFigures interviews;
  private final Offers offers;
  private final DecisionFigures decisions;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final int proactiveWorkingDays;

  AutoIndicators(
      Monitor monitor,
      CatalogInspection catalog,
      FoiStatistics foi,
      ReportStanding reports,
      MailboxFigures mailbox,
      ConsultationFigures consultations,
      InterviewFigures interviews,
      Offers offers,
      DecisionFigures decisions,
      WorkingCalendar calendar,
      Clock clock) {
    this.offers = offers;
    this.decisions = decisions;
    this.monitor = monitor;
    this.catalog = catalog;
    this.foi = foi;
    this.reports = reports;
    this.mailbox = mailbox;
    this.consultations = consultations;
    this.interviews = interviews;
    this.calendar = calendar;
    this.clock = clock;
    this.proactiveWorkingDays = monitor.proactiveWorkingDays();
  }

  /** Every rule's reading for the agency's year, each record walked once. */
  Map<AutoRule, Measure> measureAll(Collection<AutoRule> rules, Agency agency, int year) {
    Map<AutoRule, Measure> measures = new EnumMap<>(AutoRule.class);
    if (rules.contains(AutoRule.PROACTIVE_ON_TIME) || rules.contains(AutoRule.POLICY_INTERPRETED)) {
      measures.putAll(documents(agency, year));
    }
    for (AutoRule rule : rules) {
      measures.computeIfAbsent(rule, r -> measure(r, agency, year));
    }
    return measures;
  }

  Measure measure(AutoRule rule, Agency agency, int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate today = LocalDate.now(clock);
    LocalDate last =
        LocalDate.of(year, 12, 31).isBefore(today) ? LocalDate.of(year, 12, 31) : today;
    return switch (rule) {
      case MONITOR_SCORE -> monitorScore(agency, first, last);
      case PROACTIVE_ON_TIME, POLICY_INTERPRETED -> documents(agency, year).get(rule);
      case DECISIONS_ON_TIME -> decisionsOnTime(agency, first, last);
      case REQUESTS_ON_TIME -> requestsOnTime(agency, first, last);
      case CASES_CORRECTED -> casesCorrected(agency, year);
      case ANNUAL_REPORT -> annualReport(agency, year, today);
      case MONTHLY_REPORTS -> monthlyReports(agency, year, today);
      case MAILBOX_ON_TIME -> mailboxOnTime(agency, first, last);
      case MAILBOX_BACKLOG -> mailboxBacklog(agency, first, last);
      case CONSULTATION_FEEDBACK -> consultationFeedback(agency, first, last);
      case LEADER_INTERVIEWS -> leaderInterviews(agency, year);
      case OFFERS_ACCEPTED -> offersAccepted(agency, first, last);
    };
  }

  private Measure monitorScore(Agency agency, LocalDate first, LocalDate last) {
    List<Monitor.DailyScore> scores = monitor.scores(agency.id(), first, last);
    String link = "/console/monitor/agencies/" + agency.code();
    if (scores.isEmpty()) {
      return share(
          0,
          "assessment.evidence.MONITOR_SCORE.none",
          List.of(new Evidence.Link(agency.name(), link)));
    }
    // A day the site failed a veto item scores nothing, whatever its deductions left.
    double average = scores.stream().mapToInt(s -> s.vetoed() ? 0 : s.score()).average().orElse(0);
    long vetoed = scores.stream().filter(Monitor.DailyScore::vetoed).count();
    return share(
        average / 100,
        "assessment.evidence.MONITOR_SCORE",
        List.of(new Evidence.Link(agency.name(), link)),
        scores.size(),
        Math.round(average * 10) / 10.0,
        vetoed);
  }

  /**
   * The documents first published in the year, walked once for both rules that read them: proactive
   * disclosures with an issue date (late past 20 working days) and policy documents (without an
   * interpretation).
   */
  private Map<AutoRule, Measure> documents(Agency agency, int year) {
    WorkingDays days = calendar.current();
    int[] counted = new int[2];
    List<Evidence.Link> late = new ArrayList<>();
    List<Evidence.Link> lacking = new ArrayList<>();
    catalog.forEachLiveDocument(
        agency.id(),
        d -> {
          if (d.publishedOn() == null || d.publishedOn().getYear() != year) {
            return;
          }
          if (d.proactive() && d.issuedOn() != null) {
            counted[0]++;
            if (d.publishedOn().isAfter(days.addWorkingDays(d.issuedOn(), proactiveWorkingDays))) {
              late.add(document(d));
            }
          }
          if (d.kind() == DocumentKind.RULE || d.kind() == DocumentKind.NORMATIVE_DOCUMENT) {
            counted[1]++;
            if (!d.hasInterpretation()) {
              lacking.add(document(d));
            }
          }
        });
    Map<AutoRule, Measure> measures = new EnumMap<>(AutoRule.class);
    measures.put(
        AutoRule.PROACTIVE_ON_TIME,
        ratio(counted[0] - late.size(), counted[0], "assessment.evidence.PROACTIVE_ON_TIME", late));
    measures.put(
        AutoRule.POLICY_INTERPRETED,
        ratio(
            counted[1] - lacking.size(),
            counted[1],
            "assessment.evidence.POLICY_INTERPRETED",
            lacking));
    return measures;
  }

  /** The year's decisions whose publish-by date has come, and of those the ones published by it. */
  private Measure decisionsOnTime(Agency agency, LocalDate first, LocalDate last) {
    List<DecisionFigures.Timing> due =
        decisions.timings(agency.id(), first, last).stream().filter(t -> t.due(last)).toList();
    List<Evidence.Link> late =
        due.stream()
            .filter(t -> t.late(last))
            .map(
                t ->
                    new Evidence.Link(
                        t.decisionNumber() + " (" + t.decidedOn() + ")",
                        "/console/decisions/" + t.id()))
            .toList();
    return ratio(
        due.size() - late.size(), due.size(), "assessment.evidence.DECISIONS_ON_TIME", late);
  }

  private Measure requestsOnTime(Agency agency, LocalDate first, LocalDate last) {
    List<FoiStatistics.Concluded> concluded = foi.concluded(Set.of(agency.id()), first, last);
    List<Evidence.Link> late =
        concluded.stream()
            .filter(c -> !c.onTime())
            .map(c -> new Evidence.Link(c.trackingCode(), "/console/foi/" + c.id()))
            .toList();
    return ratio(
        concluded.size() - late.size(),
        concluded.size(),
        "assessment.evidence.REQUESTS_ON_TIME",
        late);
  }

  private Measure casesCorrected(Agency agency, int year) {
    List<ReportStanding.CorrectedCase> cases = reports.correctedCases(agency.id(), year);
    List<Evidence.Link> links =
        cases.stream()
            .map(
                c ->
                    new Evidence.Link(
                        c.reference() + " (" + c.concludedOn() + ")",
                        "/console/reports/annual?agency="
                            + agency.code()
                            + "&year="
                            + year
                            + "#cases"))
            .toList();
    return count(cases.size(), "assessment.evidence.CASES_CORRECTED", links, cases.size());
  }

  private Measure annualReport(Agency agency, int year, LocalDate today) {
    if (year >= today.getYear()) {
      return share(0, "assessment.evidence.ANNUAL_REPORT.not-due", List.of(), year);
    }
    ReportStanding.AnnualStanding standing = reports.annual(agency.id(), year);
    List<Evidence.Link> links = new ArrayList<>();
    links.add(
        new Evidence.Link(
            String.valueOf(year),
            "/console/reports/annual?agency=" + agency.code() + "&year=" + year));
    if (standing.documentId() == null) {
      return share(
          0,
          "assessment.evidence.ANNUAL_REPORT.missing",
          links,
          standing.deadline(),
          standing.violations());
    }
    links.add(new Evidence.Link(standing.title(), "/console/documents/" + standing.documentId()));
    double share = (standing.onTime() ? 0.6 : 0.3) + (standing.violations() == 0 ? 0.4 : 0);
    return share(
        share,
        "assessment.evidence.ANNUAL_REPORT",
        links,
        standing.publishedOn(),
        standing.deadline(),
        standing.violations());
  }

  private Measure monthlyReports(Agency agency, int year, LocalDate today) {
    YearMonth lastDue = YearMonth.from(today).minusMonths(1);
    int due = 0;
    List<Evidence.Link> missing = new ArrayList<>();
    for (YearMonth m = YearMonth.of(year, 1);
        !m.isAfter(YearMonth.of(year, 12)) && !m.isAfter(lastDue);
        m = m.plusMonths(1)) {
      due++;
      if (!foi.month(agency.id(), m).filed()) {
        missing.add(
            new Evidence.Link(
                m.toString(), "/console/foi/statistics?agency=" + agency.code() + "&month=" + m));
      }
    }
    return ratio(due - missing.size(), due, "assessment.evidence.MONTHLY_REPORTS", missing);
  }

  private Measure mailboxOnTime(Agency agency, LocalDate first, LocalDate last) {
    int counted = 0;
    List<Evidence.Link> late = new ArrayList<>();
    for (MailboxFigures.MessageTiming m : mailbox.received(agency.id(), first, last)) {
      boolean answeredInTime = m.repliedOn() != null && !m.repliedOn().isAfter(m.dueOn());
      if (!answeredInTime
          && !m.dueOn().isBefore(last)
          && (m.repliedOn() == null || m.repliedOn().isAfter(last))) {
        continue; // not yet due when the year was measured
      }
      counted++;
      if (!answeredInTime) {
        late.add(message(m));
      }
    }
    return ratio(counted - late.size(), counted, "assessment.evidence.MAILBOX_ON_TIME", late);
  }

  private Measure mailboxBacklog(Agency agency, LocalDate first, LocalDate last) {
    List<MailboxFigures.MessageTiming> open =
        mailbox.received(agency.id(), first, last).stream()
            .filter(
                m ->
                    (m.repliedOn() == null || m.repliedOn().isAfter(last))
                        && m.dueOn().isBefore(last))
            .toList();
    List<Evidence.Link> links = open.stream().map(AutoIndicators::message).toList();
    if (open.isEmpty()) {
      return count(0, "assessment.evidence.MAILBOX_BACKLOG.none", links, last);
    }
    return count(
        open.size(),
        "assessment.evidence.MAILBOX_BACKLOG",
        links,
        open.size(),
        last,
        open.get(0).receivedOn(),
        open.get(0).trackingCode());
  }

  private Measure consultationFeedback(Agency agency, LocalDate first, LocalDate last) {
    List<ConsultationFigures.ClosedCall> calls =
        consultations.closedCalls(agency.id(), first, last).stream()
            .filter(c -> c.closesOn().isBefore(last))
            .toList();
    List<Evidence.Link> lacking =
        calls.stream()
            .filter(c -> c.feedbackOn() == null)
            .map(c -> new Evidence.Link(c.title(), "/console/consultations/" + c.id()))
            .toList();
    return ratio(
        calls.size() - lacking.size(),
        calls.size(),
        "assessment.evidence.CONSULTATION_FEEDBACK",
        lacking);
  }

  private Measure leaderInterviews(Agency agency, int year) {
    List<InterviewFigures.LeaderSessions> leaders = interviews.leaderSessions(agency.id(), year);
    List<Evidence.Link> links =
        leaders.stream()
            .map(
                l ->
                    new Evidence.Link(
                        l.name() + " " + l.title() + " × " + l.sessions(), "/console/interviews"))
            .toList();
    if (leaders.isEmpty()) {
      return share(0, "assessment.evidence.LEADER_INTERVIEWS.none", links);
    }
    long tookPart = leaders.stream().filter(l -> l.sessions() > 0).count();
    return share(
        (double) tookPart / leaders.size(),
        "assessment.evidence.LEADER_INTERVIEWS",
        links,
        tookPart,
        leaders.size());
  }

  /** The documents offered to other sites in the year and of those the ones accepted. */
  private Measure offersAccepted(Agency agency, LocalDate first, LocalDate last) {
    Offers.Tally tally = offers.tally(agency.id(), first, last);
    return count(
        tally.accepted(),
        "assessment.evidence.OFFERS_ACCEPTED",
        List.of(new Evidence.Link(agency.name(), "/console/offers")),
        tally.offered(),
        tally.accepted());
  }

  /** {@code good} of {@code all}; with nothing to count the agency has nothing to answer for. */
  private static Measure ratio(int good, int all, String key, List<Evidence.Link> failing) {
    double share = all == 0 ? 1 : (double) good / all;
    if (all == 0) {
      return share(share, key + ".none", failing);
    }
    return share(share, key, failing, all, good, Math.round(share * 1000) / 10.0);
  }

  private static Measure share(
      double share, String key, List<Evidence.Link> links, Object... args) {
    return new Measure(Math.max(0, Math.min(1, share)), 0, Evidence.of(key, links, args));
  }

  private static Measure count(long count, String key, List<Evidence.Link> links, Object... args) {
    return new Measure(0, count, Evidence.of(key, links, args));
  }

  private static Evidence.Link document(CatalogInspection.InspectedDocument d) {
    return new Evidence.Link(d.title(), "/console/documents/" + d.id());
  }

  private static Evidence.Link message(MailboxFigures.MessageTiming m) {
    return new Evidence.Link(
        m.trackingCode() + " (" + m.receivedOn() + ")", "/console/mailbox/" + m.id());
  }
}
