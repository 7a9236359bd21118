package org.gongkai.subscription.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.site.SiteProperties;
import org.gongkai.site.Site;
import org.gongkai.topic.Topics;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of subscription mails (in the platform's language) and the addresses they link to: the
 * reader's site, its confirmation, management and one-click unsubscribe links.
 */
@Component
class MailTexts {

  static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MessageSource messages;
  private final AgencyDirectory agencies;
  private final Topics topics;
  private final String firstSiteAddress;

  MailTexts(MessageSource messages, AgencyDirectory agencies, Topics topics, SiteProperties site) {
    this.messages = messages;
    this.agencies = agencies;
    this.topics = topics;
    this.firstSiteAddress = site.address();
  }

  /** The public address of a site: links in mails must not depend on a request. */
  String address(Site site) {
    if (site.fallback() && !firstSiteAddress.isBlank()) {
      return firstSiteAddress;
    }
    return "https://" + site.canonicalHost();
  }

  String confirmUrl(Site site, String token) {
    return address(site) + "/subscriptions/confirm?token=" + token;
  }

  String manageUrl(Site site, String readerToken) {
    return address(site) + "/subscriptions/manage?token=" + readerToken;
  }

  /** The RFC 8058 one-click address: POST stops the mails, answered 200. */
  String oneClickUrl(Site site, String readerToken) {
    return address(site) + "/api/v1/subscriptions/unsubscribe?token=" + readerToken;
  }

  /** A line naming what a subscription takes, as the reader chose it. */
  String label(Subscription s) {
    return switch (s.kind()) {
      case AGENCY -> msg("subscription.label.agency", agencyName(s.agencyId()));
      case COLUMN ->
          msg(
              "subscription.label.column",
              agencies.column(s.columnId()).map(c -> c.name()).orElse("?"),
              agencyName(s.agencyId()));
      case TOPIC ->
          msg(
              "subscription.label.topic",
              topics.published(s.topicId()).map(t -> t.live().title()).orElse("?"));
      case QUERY ->
          s.agencyId() == null
              ? msg("subscription.label.query", s.queryText())
              : msg("subscription.label.query-in", s.queryText(), agencyName(s.agencyId()));
    };
  }

  private String agencyName(Long id) {
    return id == null ? "" : agencies.find(id).map(a -> a.name()).orElse("?");
  }

  record Mail(String subject, String text) {}

  Mail confirmation(Site site, Subscription s, String token, Instant expires, ZoneId zone) {
    return new Mail(
        msg("subscription.mail.confirm.subject", site.name()),
        msg(
            "subscription.mail.confirm.body",
            site.name(),
            label(s),
            MINUTE.format(expires.atZone(zone)),
            confirmUrl(site, token)));
  }

  /** An entry of a mail: a document's title, agency, day and address. */
  record Entry(long documentId, String title, String agency, java.time.LocalDate publishedOn) {}

  /** The mail of a run: the new documents of each subscription, then the reader's links. */
  Mail items(
      Site site,
      boolean digest,
      Map<Subscription, List<Entry>> bySubscription,
      String readerToken) {
    int count = bySubscription.values().stream().mapToInt(List::size).sum();
    Entry first = bySubscription.values().iterator().next().get(0);
    String subject =
        digest
            ? msg("subscription.mail.digest.subject", site.name(), count)
            : count == 1
                ? msg("subscription.mail.one.subject", site.name(), first.title())
                : msg("subscription.mail.many.subject", site.name(), first.title(), count);
    StringBuilder text = new StringBuilder();
    text.append(
            msg(digest ? "subscription.mail.digest.intro" : "subscription.mail.intro", site.name()))
        .append("\n\n");
    String base = address(site);
    for (Map.Entry<Subscription, List<Entry>> group : bySubscription.entrySet()) {
      text.append(msg("subscription.mail.group", label(group.getKey()))).append("\n");
      for (Entry e : group.getValue()) {
        text.append(
                msg(
                    "subscription.mail.entry",
                    e.title(),
                    e.agency(),
                    e.publishedOn() == null ? "" : DAY.format(e.publishedOn()),
                    base + "/documents/" + e.documentId()))
            .append("\n");
      }
      text.append("\n");
    }
    text.append(
        msg(
            "subscription.mail.footer",
            manageUrl(site, readerToken),
            address(site) + "/subscriptions/unsubscribe?token=" + readerToken));
    return new Mail(subject, text.toString());
  }

  /** Groups entries by subscription, keeping their order. */
  static Map<Subscription, List<Entry>> grouped() {
    return new LinkedHashMap<>();
  }

  String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LOCALE);
  }
}
