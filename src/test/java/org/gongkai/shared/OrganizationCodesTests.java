package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.shared.ids.OrganizationCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationCodesTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11441700007280420Y",
        "11620622013933539B",
        "11341702486344515H",
        "000014349",
        "00001434-9",
        "11441700007280420y"
      })
  void acceptsRealCodesOfGovernmentBodies(String code) {
    assertThat(OrganizationCodes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11441700007280420X",
        "11620622013933539C",
        "000014348",
        "",
        "12345",
        "0000143491",
        "1144170000728042OY",
        "I1441700007280420Y"
      })
  void refusesWrongCheckCharactersAndMalformedCodes(String code) {
    assertThat(OrganizationCodes.isValid(code)).isFalse();
  }

  @Test
  void completesACreditCodeFromItsBody() {
    String code = OrganizationCodes.completeCreditCode("1144170000728042" + "0");
    assertThat(code).isEqualTo("11441700007280420Y");
  }
}
