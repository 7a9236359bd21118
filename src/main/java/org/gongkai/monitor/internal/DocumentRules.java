package org.gongkai.monitor.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.agency.Agency;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.WordingCheck;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The rules on each live document of an agency: its dates, how soon it was published, a policy's
 * interpretation, its links to other documents and to other websites, its attachments' files and
 * its wording.
 */
@Component
class DocumentRules {

  private static final Pattern INTERNAL_LINK =
      Pattern.compile("href=\"(?:https?://[^\"/]+)?/documents/(\\d+)");

  private final CatalogInspection catalog;
  private final WordLists words;
  private final WorkingCalendar calendar;
  private final MessageSource messages;
  private final MonitorProperties settings;
  private final ExternalLinks externalLinks;

  DocumentRules(
      CatalogInspection catalog,
      WordLists words,
      WorkingCalendar calendar,
      MessageSource messages,
      MonitorProperties settings,
      ExternalLinks externalLinks) {
    this.catalog = catalog;
    this.words = words;
    this.calendar = calendar;
    this.messages = messages;
    this.settings = settings;
    this.externalLinks = externalLinks;
  }

  void check(Agency agency, Found found) {
    List<WordLists.Word> wordList = words.all();
    catalog.forEachLiveDocument(agency.id(), d -> check(d, wordList, found));
    for (CatalogInspection.ScreenedDocument d : catalog.withPersonalData(agency.id())) {
      found.add(
          Rule.PERSONAL_DATA_PUBLISHED,
          d.title(),
          "/console/documents/" + d.documentId(),
          d.title(),
          d.findings(),
          d.excerpts());
    }
  }

  private void check(
      CatalogInspection.InspectedDocument d, List<WordLists.Word> wordList, Found found) {
    String link = "/console/documents/" + d.id();
    boolean policy = d.kind() == DocumentKind.RULE || d.kind() == DocumentKind.NORMATIVE_DOCUMENT;
    if (d.publishedOn() == null || (policy && d.issuedOn() == null)) {
      found.add(Rule.UNDATED, d.title(), link, d.title());
    }
    if (d.proactive()
        && d.issuedOn() != null
        && d.publishedOn() != null
        && d.publishedOn()
            .isAfter(
                calendar.current().addWorkingDays(d.issuedOn(), settings.proactiveWorkingDays()))) {
      found.add(
          Rule.LATE_PROACTIVE,
          d.title(),
          link,
          d.title(),
          d.issuedOn(),
          d.publishedOn(),
          settings.proactiveWorkingDays());
    }
    if (policy && !d.hasInterpretation()) {
      found.add(Rule.POLICY_WITHOUT_INTERPRETATION, d.title(), link, d.title());
    }
    Matcher internal = INTERNAL_LINK.matcher(d.bodyHtml());
    while (internal.find()) {
      long target = Long.parseLong(internal.group(1));
      if (!catalog.isLive(target)) {
        found.add(Rule.BROKEN_LINK, d.title(), link, d.title(), "/documents/" + target);
      }
    }
    for (String file : d.missingAttachments()) {
      found.add(Rule.MISSING_ATTACHMENT, d.title(), link, d.title(), file);
    }
    if (externalLinks.enabled()) {
      for (String url : ExternalLinks.linksIn(d.bodyHtml())) {
        externalLinks
            .lastCheck(url)
            .filter(check -> !check.ok())
            .ifPresent(
                check ->
                    found.add(
                        Rule.EXTERNAL_LINK,
                        d.title(),
                        link,
                        d.title(),
                        url,
                        messages.getMessage(
                            check.outcome().messageKey(),
                            new Object[] {String.valueOf(check.status())},
                            found.locale())));
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
      found.add(
          rule,
          d.title(),
          link,
          d.title(),
          issue.found(),
          issue.suggestion() == null ? "-" : issue.suggestion());
    }
  }
}
