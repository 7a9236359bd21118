package org.gongkai.monitor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gongkai.agency.Agency;
import org.gongkai.site.Site;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs every enabled rule over one agency and scores it as the 2019 inspection index does ({@link
 * IndexScore}): any veto item fails the site (score 0); otherwise the deductions, capped per rule
 * and per index item, are taken from 100. The rules are grouped by what they read: the site's
 * availability ({@link AvailabilityRules}), the columns ({@link ColumnRules}), each document
 * ({@link DocumentRules}), the mailbox ({@link InteractionRules}) and the decision register ({@link
 * DecisionTimingRules}).
 */
@Component
class Inspector {

  private final AvailabilityRules availability;
  private final ColumnRules columns;
  private final DocumentRules documents;
  private final InteractionRules interaction;
  private final ObligationRules obligations;
  private final DecisionTimingRules decisions;
  private final MessageSource messages;
  private final Clock clock;
  private final MonitorProperties settings;

  Inspector(
      AvailabilityRules availability,
      ColumnRules columns,
      DocumentRules documents,
      InteractionRules interaction,
      DecisionTimingRules decisions,
      ObligationRules obligations,
      MessageSource messages,
      Clock clock,
      MonitorProperties settings) {
    this.availability = availability;
    this.columns = columns;
    this.documents = documents;
    this.interaction = interaction;
    this.decisions = decisions;
    this.obligations = obligations;
    this.messages = messages;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * A finding: its rule and the index item the rule cites, what it is about, the message in the
   * language asked for, and the message's arguments.
   */
  record Finding(
      Rule rule,
      String item,
      String severity,
      String target,
      String message,
      String link,
      List<String> args) {}

  record Assessment(
      String agency,
      String agencyName,
      int score,
      boolean passed,
      List<Finding> veto,
      List<Finding> findings) {}

  Assessment assess(Agency agency, Locale locale) {
    return assess(agency, locale, null, SitePages.Check.NONE);
  }

  /**
   * The agency as shown on {@code site}: every rule, and the site's page check ({@link SitePages})
   * among its findings, since the index inspects a website as a whole.
   */
  Assessment assess(Agency agency, Locale locale, Site site, SitePages.Check pages) {
    LocalDate today = LocalDate.now(clock);
    Found found = new Found(settings, messages, locale);
    availability.checkPages(site, pages, found);
    columns.check(agency, today, found);
    availability.checkProbes(agency, site, today, found);
    documents.check(agency, found);
    interaction.check(agency, today, found);
    decisions.check(agency, today, found);
    obligations.check(site, agency, today, found);
    IndexScore.Result result = IndexScore.score(found.all());
    return new Assessment(
        agency.code(),
        agency.name(),
        result.score(),
        result.passed(),
        result.veto(),
        result.deductions());
  }
}
