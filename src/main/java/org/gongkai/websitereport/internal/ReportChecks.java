package org.gongkai.websitereport.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongkai.websitereport.internal.ReportViews.Figure;
import org.gongkai.websitereport.internal.ReportViews.Problem;

/**
 * The checks a report must pass before it is frozen: every cell filled (the new-media rows only
 * when the site has new media), and totals and parts that agree.
 */
final class ReportChecks {

  private static final Set<String> MEDIA_DETAIL =
      Set.of(
          "media.weibo.name",
          "media.weibo.posts",
          "media.weibo.followers",
          "media.wechat.name",
          "media.wechat.posts",
          "media.wechat.subscribers",
          "media.other");

  static List<Problem> check(List<Figure> figures, boolean supervision) {
    Values v = new Values(figures);
    List<Problem> problems = new ArrayList<>();
    boolean media = Boolean.TRUE.equals(v.get("media.has"));
    for (Figure f : figures) {
      boolean optional =
          supervision
              ? f.key().equals("errors.rate")
                  && v.number("errors.received") != null
                  && v.number("errors.received").signum() == 0
              : !media && MEDIA_DETAIL.contains(f.key());
      boolean empty = f.value() == null || f.value().toString().isBlank();
      if (empty && !optional) {
        problems.add(new Problem(f.key(), "website-report.check.empty", List.of()));
      }
    }
    if (supervision) {
      sum(
          v,
          problems,
          "checks.year.checked",
          "checks.q1.checked",
          "checks.q2.checked",
          "checks.q3.checked",
          "checks.q4.checked");
      sum(
          v,
          problems,
          "checks.year.unqualified",
          "checks.q1.unqualified",
          "checks.q2.unqualified",
          "checks.q3.unqualified",
          "checks.q4.unqualified");
      atMost(v, problems, "errors.handled", "errors.received");
      atMost(v, problems, "sites.opened", "sites.running");
      if (Boolean.FALSE.equals(v.get("accountability.held"))) {
        atMost(v, problems, "accountability.persons", null);
      }
    } else {
      sum(v, problems, "items.total", "items.overview", "items.news", "items.catalog");
      sum(
          v,
          problems,
          "interpretation.total",
          "interpretation.materials",
          "interpretation.products",
          "interpretation.media");
      sum(v, problems, "services.cases.total", "services.cases.natural", "services.cases.legal");
      atMost(v, problems, "services.online-items", "services.items");
      atMost(v, problems, "interaction.interviews.answered", "interaction.interviews.questions");
      atMost(v, problems, "security.problems-fixed", "security.problems-found");
      atMost(v, problems, "interaction.messages.published", "interaction.messages.concluded");
    }
    return problems;
  }

  /** The total row equals the sum of its parts (checked once every part is filled). */
  private static void sum(Values v, List<Problem> problems, String total, String... parts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String part : parts) {
      BigDecimal n = v.number(part);
      if (n == null) {
        return;
      }
      sum = sum.add(n);
    }
    BigDecimal stated = v.number(total);
    if (stated != null && stated.compareTo(sum) != 0) {
      problems.add(
          new Problem(
              total, "website-report.check.sum", List.of(stated, sum, String.join(" + ", parts))));
    }
  }

  /** A part is no more than its whole ({@code whole} null: the part must be zero). */
  private static void atMost(Values v, List<Problem> problems, String part, String whole) {
    BigDecimal n = v.number(part);
    BigDecimal limit = whole == null ? BigDecimal.ZERO : v.number(whole);
    if (n != null && limit != null && n.compareTo(limit) > 0) {
      problems.add(
          new Problem(
              part, "website-report.check.at-most", List.of(n, limit, whole == null ? "" : whole)));
    }
  }

  private record Values(List<Figure> figures) {

    Object get(String key) {
      return figures.stream()
          .filter(f -> f.key().equals(key))
          .findFirst()
          .map(Figure::value)
          .orElse(null);
    }

    BigDecimal number(String key) {
      Object value = get(key);
      return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
  }

  private ReportChecks() {}
}
