package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.shared.privacy.PersonalData;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

  @Test
  void masksEnoughToRecogniseNotToUse() {
    assertThat(PersonalData.name("张三丰")).isEqualTo("张**");
    assertThat(PersonalData.idNumber("11010519491231002X")).isEqualTo("11**************2X");
    assertThat(PersonalData.phone("13812345678")).isEqualTo("138******78");
    assertThat(PersonalData.email("zhangsan@example.cn")).isEqualTo("z***@example.cn");
    assertThat(PersonalData.address("临江市滨江路100号3栋")).isEqualTo("临江市滨江路****");
  }
}
