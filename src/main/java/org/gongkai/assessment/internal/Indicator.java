package org.gongkai.assessment.internal;

import java.math.BigDecimal;

/**
 * One indicator of a scheme. {@code weight} multiplies an ITEM's or CATEGORY's points into its
 * parent (1 for a plain points scheme); {@code maxPoints} is an ITEM's maximum, a BONUS's or
 * DEDUCTION's cap, and for a CATEGORY the sum of its children's weighted maxima. {@code rule} is
 * null for an indicator the assessor scores; {@code parameter} is what each failing costs under a
 * counting rule, or what each achievement earns under an earning rule.
 */
record Indicator(
    String code,
    String parentCode,
    String name,
    IndicatorKind kind,
    BigDecimal weight,
    BigDecimal maxPoints,
    AutoRule rule,
    BigDecimal parameter,
    String criterion) {

  boolean automatic() {
    return rule != null;
  }
}
