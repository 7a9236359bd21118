package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

class PasswordConfigurationTests {

  private final PasswordEncoder cheap =
      new PasswordConfiguration().passwordEncoder(new PasswordProperties(false, 4));

  @Test
  void newPasswordsAreHashedWithBcryptAtTheConfiguredCost() {
    String hash = cheap.encode("s3cret-passw0rd");
    assertThat(hash).startsWith("{bcrypt}$2a$04$");
    assertThat(cheap.matches("s3cret-passw0rd", hash)).isTrue();
    assertThat(cheap.matches("another", hash)).isFalse();
  }

  @Test
  void hashesMadeEarlierAtAnotherCostOrWithAnotherAlgorithmStillMatch() {
    PasswordEncoder earlier = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    String bcrypt10 = earlier.encode("s3cret-passw0rd");
    assertThat(bcrypt10).startsWith("{bcrypt}$2a$10$");
    assertThat(cheap.matches("s3cret-passw0rd", bcrypt10)).isTrue();
    String pbkdf2 =
        "{pbkdf2@SpringSecurity_v5_8}"
            + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("s3cret-passw0rd");
    assertThat(cheap.matches("s3cret-passw0rd", pbkdf2)).isTrue();
  }
}
