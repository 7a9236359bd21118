package org.gongkai.assessment.internal;

/**
 * What an indicator is in its scheme: a CATEGORY groups indicators and counts their points; an ITEM
 * scores up to its maximum; a BONUS adds and a DEDUCTION takes away up to its cap, outside the
 * maximum; a VETO (一票否决) fails the agency whatever it scores.
 */
enum IndicatorKind {
  CATEGORY,
  ITEM,
  BONUS,
  DEDUCTION,
  VETO;

  boolean scored() {
    return this == CATEGORY || this == ITEM;
  }
}
