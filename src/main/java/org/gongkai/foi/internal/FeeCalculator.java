package org.gongkai.foi.internal;

import java.math.BigDecimal;

/**
 * The processing fee of 国办函〔2020〕109号, both methods progressive above a free threshold. An agency
 * charges one method per application, never both.
 */
final class FeeCalculator {

  enum Method {
    PER_APPLICATION,
    PER_PAGE
  }

  private FeeCalculator() {}

  /**
   * Per application: the applicant's n-th application to the agency in the calendar month. The
   * first 10 are free, the 11th to 30th cost 100 yuan each, and from the 31st each band of 10 costs
   * 100 more.
   */
  static BigDecimal perApplication(int ordinalInMonth) {
    if (ordinalInMonth <= 10) {
      return BigDecimal.ZERO;
    }
    if (ordinalInMonth <= 30) {
      return BigDecimal.valueOf(100);
    }
    int band = (ordinalInMonth - 31) / 10;
    return BigDecimal.valueOf(200L + 100L * band);
  }

  /** Per page, for one application: 30 pages free, then 10, 20 and 40 yuan a page by band. */
  static BigDecimal perPage(int pages) {
    long fee = 0;
    for (int page = 31; page <= pages; page++) {
      fee += page <= 100 ? 10 : page <= 200 ? 20 : 40;
    }
    return BigDecimal.valueOf(fee);
  }
}
