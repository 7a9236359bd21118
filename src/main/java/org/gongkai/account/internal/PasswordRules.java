package org.gongkai.account.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.web.authentication.password.HaveIBeenPwnedRestApiPasswordChecker;
import org.springframework.stereotype.Component;

/**
 * What a password chosen here must be (NIST SP 800-63B §3.1.1.2): at least ten characters, not one
 * of the passwords attackers try first, not the user name. The common passwords are a list shipped
 * with the platform ({@code account/common-passwords.txt}), so the check works offline; a candidate
 * is refused when it, or it without trailing digits and symbols ({@code dragon2024!}), is listed.
 * Have I Been Pwned's breached passwords are asked too when {@code
 * gongkai.security.passwords.have-i-been-pwned} is on.
 */
@Component
class PasswordRules {

  static final int MIN_LENGTH = 10;

  private final Set<String> common;
  private final CompromisedPasswordChecker breached;

  @Autowired
  PasswordRules(PasswordProperties properties) {
    this(load(), properties.haveIBeenPwned() ? new HaveIBeenPwnedRestApiPasswordChecker() : null);
  }

  PasswordRules(Set<String> common, CompromisedPasswordChecker breached) {
    this.common = common;
    this.breached = breached;
  }

  /** Refuses the password, naming the field, unless it may be chosen by this user. */
  void check(String field, String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw Refusal.invalidField(field, "account.password.too-short", MIN_LENGTH);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (name.length() >= 3 && lower.contains(name)) {
      throw Refusal.invalidField(field, "account.password.has-username");
    }
    if (isCommon(lower)) {
      throw Refusal.invalidField(field, "account.password.common");
    }
    if (breached != null && breached.check(password).isCompromised()) {
      throw Refusal.invalidField(field, "account.password.breached");
    }
  }

  private boolean isCommon(String lower) {
    if (common.contains(lower)) {
      return true;
    }
    int end = lower.length();
    while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
      end--;
    }
    return end > 0 && end < lower.length() && common.contains(lower.substring(0, end));
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>(40_000);
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource("account/common-passwords.txt").getInputStream(),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the list of common passwords cannot be read", e);
    }
    return Set.copyOf(words);
  }
}
