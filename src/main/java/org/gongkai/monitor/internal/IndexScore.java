package org.gongkai.monitor.internal;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores findings as the 2019 inspection index does: the veto items first — any one fails the site
 * and nothing else is scored — then the deductions, item by item in the index's order, each rule's
 * points per finding up to the rule's cap, and each item's deductions together up to the item's
 * points. Under 60 fails.
 */
final class IndexScore {

  static final int PASS_MARK = 60;

  private IndexScore() {}

  /**
   * The score, whether the site passes, the veto findings and the deductions, each in the index's
   * order, and what each deduction item took.
   */
  record Result(
      int score,
      boolean passed,
      List<Inspector.Finding> veto,
      List<Inspector.Finding> deductions,
      Map<IndexItem, Integer> deducted) {}

  static Result score(List<Inspector.Finding> found) {
    Comparator<Inspector.Finding> indexOrder =
        Comparator.comparing((Inspector.Finding f) -> f.rule().item()).thenComparing(f -> f.rule());
    List<Inspector.Finding> vetoes =
        found.stream().filter(f -> f.rule().veto()).sorted(indexOrder).toList();
    List<Inspector.Finding> deductions =
        found.stream().filter(f -> !f.rule().veto()).sorted(indexOrder).toList();
    Map<Rule, Integer> perRule = new EnumMap<>(Rule.class);
    deductions.forEach(f -> perRule.merge(f.rule(), f.rule().points(), Integer::sum));
    Map<IndexItem, Integer> perItem = new EnumMap<>(IndexItem.class);
    perRule.forEach(
        (rule, points) -> perItem.merge(rule.item(), Math.min(rule.cap(), points), Integer::sum));
    perItem.replaceAll((item, points) -> Math.min(item.points(), points));
    int score = 100 - perItem.values().stream().mapToInt(Integer::intValue).sum();
    return new Result(
        vetoes.isEmpty() ? Math.max(0, score) : 0,
        vetoes.isEmpty() && score >= PASS_MARK,
        vetoes,
        deductions,
        perItem);
  }
}
