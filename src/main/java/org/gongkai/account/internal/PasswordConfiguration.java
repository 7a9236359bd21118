package org.gongkai.account.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

  /**
   * Delegating, so that hashes can move to a stronger algorithm without a flag day: new passwords
   * with BCrypt at the configured cost, hashes of any other kind still checked.
   */
  @Bean
  PasswordEncoder passwordEncoder(PasswordProperties settings) {
    DelegatingPasswordEncoder encoder =
        new DelegatingPasswordEncoder(
            "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(settings.hashCost())));
    encoder.setDefaultPasswordEncoderForMatches(
        PasswordEncoderFactories.createDelegatingPasswordEncoder());
    return encoder;
  }
}
