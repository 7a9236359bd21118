package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTests {

  /**
   * RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", eight digits there, the last six
   * here.
   */
  private static final String RFC_SECRET =
      new Base32().encodeToString("12345678901234567890".getBytes());

  @Test
  void theRfcTestVectorsGiveTheirCodes() {
    assertThat(Totp.codeAt(RFC_SECRET, 59 / 30)).isEqualTo("287082");
    assertThat(Totp.codeAt(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
    assertThat(Totp.codeAt(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
    assertThat(Totp.codeAt(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
  }

  @Test
  void aCodeIsAcceptedOnceWithinAStepOfNow() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1111111109L), ZoneOffset.UTC);
    long step = 1111111109L / 30;
    assertThat(Totp.verify(RFC_SECRET, "081804", 0, clock)).hasValue(step);
    assertThat(Totp.verify(RFC_SECRET, "081804", step, clock)).as("used once").isEmpty();
    assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), 0, clock))
        .hasValue(step - 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 2), 0, clock))
        .as("too far ahead")
        .isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "12345", 0, clock)).isEmpty();
    assertThat(Totp.uri("临江市人民政府", "admin", "ABC"))
        .startsWith("otpauth://totp/")
        .contains("secret=ABC", "issuer=%E4%B8%B4");
  }
}
