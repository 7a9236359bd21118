package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeCalculatorTests {

  @ParameterizedTest(name = "application no. {0} in the month costs {1}")
  @CsvSource({"1, 0", "10, 0", "11, 100", "30, 100", "31, 200", "40, 200", "41, 300", "51, 400"})
  void perApplicationIsProgressiveAboveTen(int ordinal, int fee) {
    assertThat(FeeCalculator.perApplication(ordinal)).isEqualByComparingTo(String.valueOf(fee));
  }

  @ParameterizedTest(name = "{0} pages cost {1}")
  @CsvSource({"30, 0", "31, 10", "100, 700", "101, 720", "200, 2700", "201, 2740", "210, 3100"})
  void perPageIsProgressiveAboveThirty(int pages, int fee) {
    assertThat(FeeCalculator.perPage(pages)).isEqualByComparingTo(String.valueOf(fee));
  }
}
