package org.gongkai.websitereport.internal;

import java.util.List;

/**
 * Where each row stands in the printed annex of 国办函〔2018〕12号: its section (the label cell spanning
 * the section's rows), its group inside the section (the next label cell, spanning the group's
 * rows), and its own label; a row without a section has a label across the three label columns, one
 * without a group across the last two. Rows the annex does not print (the totals kept for the
 * checks, the signatures, the reporting unit) are not listed. Labels are the message keys {@code
 * website-report.print.<key>}, {@code website-report.print.section.<section>} and {@code
 * website-report.print.group.<group>}.
 */
final class Annex {

  /** A printed row: the report's key, its section and group (null: none). */
  record Place(String key, String section, String group) {}

  private static Place top(String key) {
    return new Place(key, null, null);
  }

  private static Place in(String section, String key) {
    return new Place(key, section, null);
  }

  private static Place in(String section, String group, String key) {
    return new Place(key, section, group);
  }

  /** 政府网站工作年度报表. */
  static final List<Place> WEBSITE =
      List.of(
          top("site.name"),
          top("site.address"),
          top("site.organizer"),
          top("site.type"),
          top("site.id-code"),
          top("site.icp-filing"),
          top("site.security-filing"),
          top("visits.visitors"),
          top("visits.views"),
          in("items", "items.total"),
          in("items", "items.overview"),
          in("items", "items.news"),
          in("items", "items.catalog"),
          in("topics", "topics.maintained"),
          in("topics", "topics.opened"),
          in("interpretation", "interpretation", "interpretation.total"),
          in("interpretation", "interpretation", "interpretation.materials"),
          in("interpretation", "interpretation", "interpretation.products"),
          in("interpretation", "interpretation", "interpretation.media"),
          in("interpretation", "concerns.responses"),
          in("services", "services.catalog"),
          in("services", "services.registered-users"),
          in("services", "services.items"),
          in("services", "services.online-items"),
          in("services", "services.cases", "services.cases.total"),
          in("services", "services.cases", "services.cases.natural"),
          in("services", "services.cases", "services.cases.legal"),
          in("interaction", "interaction.unified-platform"),
          in("interaction", "interaction.messages", "interaction.messages.received"),
          in("interaction", "interaction.messages", "interaction.messages.concluded"),
          in("interaction", "interaction.messages", "interaction.messages.average-days"),
          in("interaction", "interaction.messages", "interaction.messages.published"),
          in("interaction", "interaction.consultations", "interaction.consultations.periods"),
          in("interaction", "interaction.consultations", "interaction.consultations.opinions"),
          in("interaction", "interaction.consultations", "interaction.consultations.results"),
          in("interaction", "interaction.interviews", "interaction.interviews.held"),
          in("interaction", "interaction.interviews", "interaction.interviews.questions"),
          in("interaction", "interaction.interviews", "interaction.interviews.answered"),
          in("interaction", "interaction.smart-qa"),
          in("security", "security.inspections"),
          in("security", "security.problems-found"),
          in("security", "security.problems-fixed"),
          in("security", "security.monitoring"),
          in("security", "security.drills"),
          in("security", "security.responsible-person"),
          in("media", "media.has"),
          in("media", "media.weibo", "media.weibo.name"),
          in("media", "media.weibo", "media.weibo.posts"),
          in("media", "media.weibo", "media.weibo.followers"),
          in("media", "media.wechat", "media.wechat.name"),
          in("media", "media.wechat", "media.wechat.posts"),
          in("media", "media.wechat", "media.wechat.subscribers"),
          in("media", "media.other"),
          in("innovation", "innovation.search"),
          in("innovation", "innovation.languages"),
          in("innovation", "innovation.accessibility"),
          in("innovation", "innovation.personalised"),
          in("innovation", "innovation.other"));

  /** 政府网站监管年度报表. */
  static final List<Place> SUPERVISION =
      List.of(
          in("overall", "sites.running.portal"),
          in("overall", "sites.running.department"),
          in("checks", "checks.checked", "checks.q1.checked"),
          in("checks", "checks.checked", "checks.q2.checked"),
          in("checks", "checks.checked", "checks.q3.checked"),
          in("checks", "checks.checked", "checks.q4.checked"),
          in("checks", "checks.checked", "checks.year.checked"),
          in("checks", "checks.unqualified", "checks.q1.unqualified"),
          in("checks", "checks.unqualified", "checks.q2.unqualified"),
          in("checks", "checks.unqualified", "checks.q3.unqualified"),
          in("checks", "checks.unqualified", "checks.q4.unqualified"),
          in("checks", "checks.unqualified", "checks.year.unqualified"),
          in("checks", "checks.ratio"),
          in("accountability", "accountability.persons"),
          in("sites", "sites.opened"),
          in("sites", "sites.merged"),
          in("errors", "errors.received"),
          in("errors", "errors.handled"),
          in("errors", "errors.rate"),
          top("impostors.found"),
          in("training", "training.sessions"),
          in("training", "training.people"));

  /** Rows entered in units (个, 件) that the annex prints in 万. */
  static final java.util.Set<String> TEN_THOUSANDS =
      java.util.Set.of(
          "services.registered-users",
          "services.cases.total",
          "services.cases.natural",
          "services.cases.legal");

  static List<Place> places(boolean supervision) {
    return supervision ? SUPERVISION : WEBSITE;
  }

  private Annex() {}
}
