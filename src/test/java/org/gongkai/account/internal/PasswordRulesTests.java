package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.gongkai.shared.web.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;

class PasswordRulesTests {

  private final PasswordRules offline = new PasswordRules(new PasswordProperties(false, 10));

  private static String refusal(PasswordRules rules, String password, String username) {
    Refusal refused =
        catchThrowableOfType(Refusal.class, () -> rules.check("password", password, username));
    assertThat(refused).as(password).isNotNull();
    assertThat(refused.fieldProblems())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("password"));
    return refused.fieldProblems().get(0).messageKey();
  }

  @Test
  void theShippedListRefusesWhatAttackersTryFirst() {
    assertThat(refusal(offline, "short1!", "zhang")).isEqualTo("account.password.too-short");
    for (String common :
        new String[] {
          "1234567890",
          "qwertyuiop",
          "Password123!",
          "1qaz2wsx3edc",
          "woaini1314520",
          "a123456789",
          "Dragon2024!!",
          "iloveyou12345"
        }) {
      assertThat(refusal(offline, common, "zhang")).as(common).isEqualTo("account.password.common");
    }
    assertThat(refusal(offline, "zhangsan-secret-42", "ZhangSan"))
        .isEqualTo("account.password.has-username");
    assertThatCode(() -> offline.check("password", "lantern river 41 kites", "zhang"))
        .doesNotThrowAnyException();
    assertThatCode(() -> offline.check("password", "staff-password-1", "editor-1"))
        .doesNotThrowAnyException();
  }

  @Test
  void aBreachedPasswordIsRefusedWhenTheOnlineCheckIsOn() {
    PasswordRules online =
        new PasswordRules(
            java.util.Set.of(),
            password -> new CompromisedPasswordDecision(password.startsWith("leaked")));
    assertThat(refusal(online, "leaked-but-long-enough", "zhang"))
        .isEqualTo("account.password.breached");
    assertThatCode(() -> online.check("password", "lantern river 41 kites", "zhang"))
        .doesNotThrowAnyException();
  }
}
