package org.gongkai.monitor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.WordingCheck;
import org.gongkai.interaction.MailboxFigures;
import org.gongkai.site.Site;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Runs every enabled rule over one agency and scores it as the 2019 inspection index does ({@link
 * IndexScore}): any veto item fails the site (score 0); otherwise the deductions, capped per rule
 * and per index item, are taken from 100.
 */
@Component
class Inspector {

  private static final Pattern INTERNAL_LINK =
      Pattern.compile("href=\"(?:https?://[^\"/]+)?/documents/(\\d+)");
  private static final Set<ColumnType> SELDOM_UPDATED =
      Set.of(ColumnType.FUNCTIONS, ColumnType.POWER, ColumnType.ANNUAL_REPORT);

  private final AgencyDirectory agencies;
  private final CatalogInspection catalog;
  private final MailboxFigures mailbox;
  private final WordLists words;
  private final WorkingCalendar calendar;
  private final MessageSource messages;
  private final Clock clock;
  private final MonitorProperties settings;
  private final SiteProbes probes;
  private final ExternalLinks externalLinks;

  /** The index's threshold: a site that fails 5% of its timed visits over a week is unreachable. */
  static final double UNREACHABLE_SHARE = 0.05;

  Inspector(
      AgencyDirectory agencies,
      CatalogInspection catalog,
      MailboxFigures mailbox,
      WordLists words,
      WorkingCalendar calendar,
      MessageSource messages,
      Clock clock,
      SiteProbes probes,
      ExternalLinks externalLinks,
      MonitorProperties settings) {
    this.probes = probes;
    this.externalLinks = externalLinks;
    this.agencies = agencies;
    this.catalog = catalog;
    this.mailbox = mailbox;
    this.words = words;
    this.calendar = calendar;
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
    List<Finding> found = new ArrayList<>();
    if (site != null && pages.homeFails()) {
      add(
          found,
          Rule.HOME_PAGE_FAILS,
          site.name(),
          "https://" + site.canonicalHost() + "/",
          locale,
          site.name(),
          pages.homeStatus());
    }
    if (site != null) {
      for (SitePages.Broken b : pages.broken()) {
        add(
            found,
            Rule.SITE_PAGE_BROKEN,
            site.name(),
            "https://" + site.canonicalHost() + b.path(),
            locale,
            site.name(),
            b.path(),
            b.status());
      }
    }
    Map<Long, CatalogInspection.ColumnActivity> activity = new HashMap<>();
    catalog.columnActivity(agency.id()).forEach(a -> activity.put(a.columnId(), a));
    List<Column> columns = agencies.visibleColumns(agency.id());
    String columnsLink = "/console/agencies/" + agency.id();
    int notUpdated = 0;
    int stale = 0;
    int empty = 0;
    LocalDate newest = null;
    for (Column c : columns) {
      boolean hasChildren =
          columns.stream().anyMatch(x -> x.parentId() != null && x.parentId() == c.id());
      CatalogInspection.ColumnActivity a = activity.get(c.id());
      LocalDate last = a == null ? null : a.lastPublishedOn();
      if (last != null && (newest == null || last.isAfter(newest))) {
        newest = last;
      }
      if (hasChildren) {
        continue;
      }
      if (a == null) {
        empty++;
        add(found, Rule.EMPTY_COLUMN, c.name(), columnsLink, locale, c.name());
        continue;
      }
      if (c.type() == ColumnType.NEWS && last.isBefore(today.minusDays(settings.newsDays()))) {
        notUpdated++;
        add(
            found,
            Rule.NEWS_STALE,
            c.name(),
            columnsLink,
            locale,
            c.name(),
            last,
            settings.newsDays());
      } else if ((c.type() == ColumnType.NOTICE || c.type() == ColumnType.POLICY)
          && c.parentId() == null
          && last.isBefore(today.minusMonths(settings.noticePolicyMonths()))) {
        notUpdated++;
        add(
            found,
            Rule.NOTICE_POLICY_STALE,
            c.name(),
            columnsLink,
            locale,
            c.name(),
            last,
            settings.noticePolicyMonths());
      } else if (!SELDOM_UPDATED.contains(c.type())
          && last.isBefore(today.minusMonths(settings.staleMonths()))) {
        stale++;
        add(
            found,
            Rule.STALE_COLUMN,
            c.name(),
            columnsLink,
            locale,
            c.name(),
            last,
            settings.staleMonths());
      }
    }
    if (newest == null || newest.isBefore(today.minusDays(settings.homeDays()))) {
      add(
          found,
          Rule.HOME_STALE,
          agency.name(),
          "/console/documents",
          locale,
          newest == null ? "-" : newest.toString(),
          settings.homeDays());
    }
    if (empty >= settings.veto().emptyColumns()) {
      add(
          found,
          Rule.TOO_MANY_EMPTY_COLUMNS,
          agency.name(),
          columnsLink,
          locale,
          empty,
          settings.veto().emptyColumns());
    }
    if (notUpdated >= settings.veto().sectionsNotUpdated()) {
      add(
          found,
          Rule.SECTIONS_NOT_UPDATED,
          agency.name(),
          columnsLink,
          locale,
          notUpdated,
          settings.veto().sectionsNotUpdated());
    }
    // The index counts every column that should be updated and is not: stale, overdue and empty
    // alike.
    int shouldBeUpdated = stale + notUpdated + empty;
    if (shouldBeUpdated >= settings.veto().staleColumns()) {
      add(
          found,
          Rule.TOO_MANY_STALE_COLUMNS,
          agency.name(),
          columnsLink,
          locale,
          shouldBeUpdated,
          settings.veto().staleColumns());
    }
    probes
        .failureShare(agency.id(), SiteProbes.Page.CATALOG, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                add(
                    found,
                    Rule.SITE_UNREACHABLE,
                    agency.name(),
                    "/agencies/" + agency.code(),
                    locale,
                    percent(share),
                    SiteProbes.WINDOW_DAYS));
    probes
        .failureShare(agency.id(), SiteProbes.Page.MAILBOX, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                add(
                    found,
                    Rule.NO_CONSULTATION_CHANNEL,
                    agency.name(),
                    "/mailbox?agency=" + agency.code(),
                    locale,
                    percent(share),
                    SiteProbes.WINDOW_DAYS));

    List<WordLists.Word> wordList = words.all();
    catalog.forEachLiveDocument(
        agency.id(),
        d -> {
          String link = "/console/documents/" + d.id();
          boolean policy =
              d.kind() == DocumentKind.RULE || d.kind() == DocumentKind.NORMATIVE_DOCUMENT;
          if (d.publishedOn() == null || (policy && d.issuedOn() == null)) {
            add(found, Rule.UNDATED, d.title(), link, locale, d.title());
          }
          if (d.proactive()
              && d.issuedOn() != null
              && d.publishedOn() != null
              && d.publishedOn()
                  .isAfter(
                      calendar
                          .current()
                          .addWorkingDays(d.issuedOn(), settings.proactiveWorkingDays()))) {
            add(
                found,
                Rule.LATE_PROACTIVE,
                d.title(),
                link,
                locale,
                d.title(),
                d.issuedOn(),
                d.publishedOn(),
                settings.proactiveWorkingDays());
          }
          if (policy && !d.hasInterpretation()) {
            add(found, Rule.POLICY_WITHOUT_INTERPRETATION, d.title(), link, locale, d.title());
          }
          Matcher internal = INTERNAL_LINK.matcher(d.bodyHtml());
          while (internal.find()) {
            long target = Long.parseLong(internal.group(1));
            if (!catalog.isLive(target)) {
              add(
                  found,
                  Rule.BROKEN_LINK,
                  d.title(),
                  link,
                  locale,
                  d.title(),
                  "/documents/" + target);
            }
          }
          for (String file : d.missingAttachments()) {
            add(found, Rule.MISSING_ATTACHMENT, d.title(), link, locale, d.title(), file);
          }
          if (externalLinks.enabled()) {
            for (String url : ExternalLinks.linksIn(d.bodyHtml())) {
              externalLinks
                  .lastCheck(url)
                  .filter(check -> !check.ok())
                  .ifPresent(
                      check ->
                          add(
                              found,
                              Rule.EXTERNAL_LINK,
                              d.title(),
                              link,
                              locale,
                              d.title(),
                              url,
                              messages.getMessage(
                                  check.outcome().messageKey(),
                                  new Object[] {String.valueOf(check.status())},
                                  locale)));
            }
          }
          String text =
              d.title() + "\n" + HtmlUtils.htmlUnescape(d.bodyHtml().replaceAll("<[^>]+>", " "));
          for (WordingCheck.Issue issue : WordLists.check(text, wordList)) {
            Rule rule =
                switch (issue.list()) {
                  case "LEADER" -> Rule.WORDING_LEADER;
                  case "MISSPELLING" -> Rule.WORDING_MISSPELLING;
                  case "PROHIBITED" -> Rule.WORDING_PROHIBITED;
                  default -> Rule.WORDING_FORBIDDEN;
                };
            add(
                found,
                rule,
                d.title(),
                link,
                locale,
                d.title(),
                issue.found(),
                issue.suggestion() == null ? "-" : issue.suggestion());
          }
        });
    mailbox
        .oldestUnanswered(agency.id())
        .filter(on -> on.isBefore(today.minusMonths(settings.mailboxMonths())))
        .ifPresent(
            on ->
                add(
                    found,
                    Rule.MAILBOX_UNANSWERED,
                    agency.name(),
                    "/console/mailbox?due=overdue",
                    locale,
                    on,
                    settings.mailboxMonths()));
    mailbox
        .latestReply(agency.id(), today.minusYears(1))
        .filter(r -> r.repliedOn().isAfter(r.receivedOn().plusMonths(settings.mailboxMonths())))
        .ifPresent(
            r ->
                add(
                    found,
                    Rule.MAILBOX_LATE_REPLY,
                    agency.name(),
                    "/console/mailbox?due=all",
                    locale,
                    r.receivedOn(),
                    r.repliedOn(),
                    settings.mailboxMonths()));

    IndexScore.Result result = IndexScore.score(found);
    return new Assessment(
        agency.code(),
        agency.name(),
        result.score(),
        result.passed(),
        result.veto(),
        result.deductions());
  }

  private void add(
      List<Finding> found, Rule rule, String target, String link, Locale locale, Object... args) {
    if (settings.disabledRules().contains(rule)) {
      return;
    }
    Object[] shown =
        Arrays.stream(args).map(a -> a instanceof Number n ? String.valueOf(n) : a).toArray();
    found.add(
        new Finding(
            rule,
            rule.item().name(),
            rule.veto() ? "VETO" : "DEDUCTION",
            target,
            FindingText.render(
                messages,
                rule.name(),
                Arrays.stream(shown).map(String::valueOf).toList(),
                null,
                locale),
            link,
            Arrays.stream(shown).map(String::valueOf).toList()));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
