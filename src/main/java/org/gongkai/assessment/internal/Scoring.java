package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongkai.agency.Agency;

/**
 * Turns a scheme, the automatic readings and the assessors' entries into an agency's points: each
 * indicator scored, categories summed with their children's weights, bonuses added, deductions
 * taken, the total never below zero; then the agencies ranked.
 */
final class Scoring {

  enum Source {
    AUTO,
    MANUAL
  }

  /** An assessor's entry: points with a reason and, optionally, a file as evidence. */
  record Entry(String code, BigDecimal points, String reason, String fileName, String enteredBy) {}

  /** One indicator's result; {@code source} null for a category. */
  record Item(
      String code,
      String parentCode,
      String name,
      IndicatorKind kind,
      int depth,
      BigDecimal points,
      BigDecimal max,
      Source source,
      Evidence evidence) {}

  record AgencyResult(
      long agencyId,
      String agency,
      String name,
      BigDecimal total,
      BigDecimal max,
      int rank,
      boolean vetoed,
      List<Item> items) {

    public Item item(String code) {
      return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
  }

  private Scoring() {}

  static AgencyResult score(
      Scheme scheme,
      Agency agency,
      Function<AutoRule, AutoIndicators.Measure> measures,
      Map<String, Entry> entries,
      String fileLink) {
    Map<String, Item> leaves = new HashMap<>();
    boolean vetoed = false;
    for (Indicator i : scheme.leaves()) {
      Entry entry = entries.get(i.code());
      Item item;
      if (entry != null) {
        List<Evidence.Link> links =
            entry.fileName() == null
                ? List.of()
                : List.of(new Evidence.Link(entry.fileName(), fileLink + i.code()));
        BigDecimal points = i.kind() == IndicatorKind.VETO ? BigDecimal.ZERO : entry.points();
        item =
            item(
                scheme,
                i,
                points,
                Source.MANUAL,
                Evidence.of(
                    "assessment.evidence.manual", links, entry.reason(), entry.enteredBy()));
        vetoed |= i.kind() == IndicatorKind.VETO;
      } else if (i.automatic()) {
        AutoIndicators.Measure m = measures.apply(i.rule());
        item = item(scheme, i, automaticPoints(i, m), Source.AUTO, m.evidence());
      } else {
        // Rubrics deduct from full marks (扣分制): an item the assessor has not scored keeps its
        // points.
        boolean full = i.kind() == IndicatorKind.ITEM;
        item =
            item(
                scheme,
                i,
                full ? i.maxPoints() : BigDecimal.ZERO,
                Source.MANUAL,
                Evidence.of(
                    full ? "assessment.evidence.manual.full" : "assessment.evidence.manual.none",
                    List.of()));
      }
      leaves.put(i.code(), item);
    }
    List<Item> items = new ArrayList<>();
    Map<String, BigDecimal> categoryPoints = new HashMap<>();
    for (Indicator i : scheme.indicators()) {
      if (i.kind() == IndicatorKind.CATEGORY) {
        BigDecimal points = categoryPoints(scheme, i, leaves, categoryPoints);
        items.add(
            new Item(
                i.code(),
                i.parentCode(),
                i.name(),
                i.kind(),
                scheme.depth(i),
                points,
                i.maxPoints(),
                null,
                null));
      } else {
        items.add(leaves.get(i.code()));
      }
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Indicator root : scheme.roots()) {
      BigDecimal points =
          root.kind() == IndicatorKind.CATEGORY
              ? categoryPoints.get(root.code())
              : leaves.get(root.code()).points();
      total = total.add(contribution(root, points));
    }
    total = total.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    return new AgencyResult(
        agency.id(),
        agency.code(),
        agency.name(),
        total,
        scheme.maxPoints().setScale(2, RoundingMode.HALF_UP),
        0,
        vetoed,
        items);
  }

  static BigDecimal automaticPoints(Indicator i, AutoIndicators.Measure m) {
    BigDecimal max = i.maxPoints();
    if (i.rule().shape() == AutoRule.Shape.SHARE) {
      return round(max.multiply(BigDecimal.valueOf(m.share())));
    }
    if (i.rule().shape() == AutoRule.Shape.EARN) {
      return round(i.parameter().multiply(BigDecimal.valueOf(m.count())).min(max));
    }
    BigDecimal lost = i.parameter().multiply(BigDecimal.valueOf(m.count())).min(max);
    return round(i.kind() == IndicatorKind.DEDUCTION ? lost : max.subtract(lost));
  }

  private static BigDecimal categoryPoints(
      Scheme scheme,
      Indicator category,
      Map<String, Item> leaves,
      Map<String, BigDecimal> computed) {
    BigDecimal known = computed.get(category.code());
    if (known != null) {
      return known;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Indicator child : scheme.children(category.code())) {
      BigDecimal points =
          child.kind() == IndicatorKind.CATEGORY
              ? categoryPoints(scheme, child, leaves, computed)
              : leaves.get(child.code()).points();
      sum = sum.add(contribution(child, points));
    }
    sum = round(sum);
    computed.put(category.code(), sum);
    return sum;
  }

  private static BigDecimal contribution(Indicator i, BigDecimal points) {
    return switch (i.kind()) {
      case CATEGORY, ITEM -> points.multiply(i.weight());
      case BONUS -> points;
      case DEDUCTION -> points.negate();
      case VETO -> BigDecimal.ZERO;
    };
  }

  private static Item item(
      Scheme scheme, Indicator i, BigDecimal points, Source source, Evidence evidence) {
    return new Item(
        i.code(),
        i.parentCode(),
        i.name(),
        i.kind(),
        scheme.depth(i),
        round(points),
        i.maxPoints(),
        source,
        evidence);
  }

  static BigDecimal round(BigDecimal n) {
    return n.setScale(2, RoundingMode.HALF_UP);
  }

  /** Best first, equal totals sharing a rank (1, 1, 3); a vetoed agency after all the others. */
  static List<AgencyResult> rank(List<AgencyResult> results) {
    List<AgencyResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparing(AgencyResult::vetoed)
            .thenComparing(AgencyResult::total, Comparator.reverseOrder())
            .thenComparing(AgencyResult::agency));
    List<AgencyResult> ranked = new ArrayList<>();
    for (int n = 0; n < sorted.size(); n++) {
      AgencyResult r = sorted.get(n);
      AgencyResult before = n == 0 ? null : sorted.get(n - 1);
      int rank =
          before != null
                  && before.vetoed() == r.vetoed()
                  && before.total().compareTo(r.total()) == 0
              ? ranked.get(n - 1).rank()
              : n + 1;
      ranked.add(
          new AgencyResult(
              r.agencyId(), r.agency(), r.name(), r.total(), r.max(), rank, r.vetoed(), r.items()));
    }
    return ranked;
  }
}
