package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A year's assessment scheme: its indicators in order, parents before their children. */
record Scheme(int year, String name, List<Indicator> indicators) {

  List<Indicator> roots() {
    return indicators.stream().filter(i -> i.parentCode() == null).toList();
  }

  List<Indicator> children(String code) {
    return indicators.stream().filter(i -> Objects.equals(i.parentCode(), code)).toList();
  }

  Optional<Indicator> find(String code) {
    return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
  }

  /** The points an agency can score, bonuses left out. */
  public BigDecimal maxPoints() {
    return roots().stream()
        .filter(i -> i.kind().scored())
        .map(i -> i.maxPoints().multiply(i.weight()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** How deep an indicator sits: 0 for a root. */
  int depth(Indicator indicator) {
    int depth = 0;
    String parent = indicator.parentCode();
    while (parent != null && depth < indicators.size()) {
      depth++;
      parent = find(parent).map(Indicator::parentCode).orElse(null);
    }
    return depth;
  }

  /** The indicators an agency is scored on one by one: everything but the categories. */
  List<Indicator> leaves() {
    return indicators.stream().filter(i -> i.kind() != IndicatorKind.CATEGORY).toList();
  }
}
