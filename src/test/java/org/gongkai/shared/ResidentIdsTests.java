package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.shared.ids.ResidentIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdsTests {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "11010519491231002X, true", // the GB 11643 example
    "11010519491231002x, true",
    "110105194912310021, false", // wrong check character
    "11010519491331002X, false", // no 13th month
    "11010518991231002X, false",
    "1101051949123100, false",
    "ABCDEFGHIJKLMNOPQR, false"
  })
  void checksBirthDateAndCheckCharacter(String number, boolean valid) {
    assertThat(ResidentIds.isValid(number)).isEqualTo(valid);
  }
}
