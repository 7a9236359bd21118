package org.gongkai.websitereport.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows of the two templates in their order, each with what it holds and where it comes from.
 * Keys never change between releases; docs/website-report.md lists them with their sources.
 */
final class Template {

  enum Kind {
    TEXT,
    NUMBER,
    DECIMAL,
    YES_NO
  }

  enum Source {
    COMPUTED,
    ENTERED;

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A row: its key (also the message key {@code website-report.row.<key>} of its label), its kind,
   * whether the platform computes or staff enter it, and for a computed row the records it is
   * counted from.
   */
  record Row(String key, Kind kind, Source source, String from) {

    String section() {
      return key.substring(0, key.indexOf('.'));
    }
  }

  private static Row computed(String key, Kind kind, String from) {
    return new Row(key, kind, Source.COMPUTED, from);
  }

  private static Row entered(String key, Kind kind) {
    return new Row(key, kind, Source.ENTERED, null);
  }

  private static final Kind T = Kind.TEXT;
  private static final Kind N = Kind.NUMBER;
  private static final Kind Y = Kind.YES_NO;

  /** 《政府网站工作年度报表》. */
  static final List<Row> WEBSITE =
      List.of(
          computed("site.name", T, "site"),
          computed("site.address", T, "site"),
          computed("site.organizer", T, "site"),
          computed("site.type", T, "site"),
          computed("site.id-code", T, "site"),
          computed("site.icp-filing", T, "site"),
          computed("site.security-filing", T, "site"),
          computed("visits.visitors", N, "analytics"),
          computed("visits.views", N, "analytics"),
          computed("items.total", N, "catalog"),
          computed("items.overview", N, "catalog"),
          computed("items.news", N, "catalog"),
          computed("items.catalog", N, "catalog"),
          computed("topics.maintained", N, "topic"),
          computed("topics.opened", N, "topic"),
          computed("interpretation.total", N, "catalog+entered"),
          computed("interpretation.materials", N, "catalog"),
          entered("interpretation.products", N),
          entered("interpretation.media", N),
          entered("concerns.responses", N),
          entered("services.catalog", Y),
          entered("services.registered-users", N),
          entered("services.items", N),
          entered("services.online-items", N),
          entered("services.cases.total", N),
          entered("services.cases.natural", N),
          entered("services.cases.legal", N),
          entered("interaction.unified-platform", Y),
          computed("interaction.messages.received", N, "interaction.mailbox"),
          computed("interaction.messages.concluded", N, "interaction.mailbox"),
          computed("interaction.messages.average-days", Kind.DECIMAL, "interaction.mailbox"),
          computed("interaction.messages.published", N, "interaction.mailbox"),
          computed("interaction.consultations.periods", N, "consultation"),
          computed("interaction.consultations.opinions", N, "consultation"),
          computed("interaction.consultations.results", N, "consultation"),
          computed("interaction.interviews.held", N, "interaction.interviews"),
          computed("interaction.interviews.questions", N, "interaction.interviews"),
          computed("interaction.interviews.answered", N, "interaction.interviews"),
          entered("interaction.smart-qa", Y),
          computed("security.inspections", N, "monitor"),
          computed("security.problems-found", N, "monitor"),
          computed("security.problems-fixed", N, "monitor"),
          computed("security.monitoring", Y, "monitor"),
          entered("security.drills", Y),
          entered("security.responsible-person", T),
          entered("media.has", Y),
          entered("media.weibo.name", T),
          entered("media.weibo.posts", N),
          entered("media.weibo.followers", N),
          entered("media.wechat.name", T),
          entered("media.wechat.posts", N),
          entered("media.wechat.subscribers", N),
          entered("media.other", T),
          computed("innovation.search", Y, "platform"),
          computed("innovation.languages", Y, "site"),
          computed("innovation.accessibility", Y, "platform"),
          entered("innovation.personalised", Y),
          entered("innovation.other", T),
          entered("sign.head", T),
          entered("sign.reviewer", T),
          entered("sign.filler", T),
          entered("sign.phone", T));

  /** 《政府网站监管年度报表》. */
  static final List<Row> SUPERVISION =
      List.of(
          entered("unit.name", T),
          computed("checks.q1.checked", N, "monitor"),
          computed("checks.q1.unqualified", N, "monitor"),
          computed("checks.q2.checked", N, "monitor"),
          computed("checks.q2.unqualified", N, "monitor"),
          computed("checks.q3.checked", N, "monitor"),
          computed("checks.q3.unqualified", N, "monitor"),
          computed("checks.q4.checked", N, "monitor"),
          computed("checks.q4.unqualified", N, "monitor"),
          computed("checks.year.checked", N, "monitor"),
          computed("checks.year.unqualified", N, "monitor"),
          computed("checks.ratio", Kind.DECIMAL, "monitor"),
          entered("accountability.held", Y),
          entered("accountability.persons", N),
          computed("sites.running", N, "site"),
          computed("sites.running.portal", N, "site"),
          computed("sites.running.department", N, "site"),
          computed("sites.opened", N, "site"),
          entered("sites.merged", N),
          entered("errors.received", N),
          entered("errors.handled", N),
          computed("errors.rate", Kind.DECIMAL, "entered"),
          entered("impostors.found", N),
          entered("training.sessions", N),
          entered("training.people", N),
          entered("sign.head", T),
          entered("sign.reviewer", T),
          entered("sign.filler", T),
          entered("sign.phone", T));

  static List<Row> rows(boolean supervision) {
    return supervision ? SUPERVISION : WEBSITE;
  }

  static Optional<Row> row(boolean supervision, String key) {
    return rows(supervision).stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /** The entered text as its row's value; null when it does not fit. */
  static Object parse(Row row, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return switch (row.kind()) {
        case TEXT -> t;
        case NUMBER -> {
          long n = Long.parseLong(t);
          yield n < 0 ? null : n;
        }
        case DECIMAL -> {
          BigDecimal d = new BigDecimal(t);
          yield d.signum() < 0 ? null : d;
        }
        case YES_NO ->
            switch (t.toLowerCase(Locale.ROOT)) {
              case "true", "yes" -> Boolean.TRUE;
              case "false", "no" -> Boolean.FALSE;
              default -> null;
            };
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Template() {}
}
