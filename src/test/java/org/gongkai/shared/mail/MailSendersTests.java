package org.gongkai.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailSendersTests {

  private final MailProperties settings = new MailProperties();

  @Test
  void withoutAHostThereIsNoSender() {
    assertThat(MailSenders.from(settings, () -> null)).isEmpty();
  }

  @Test
  void theSenderTakesTheServerItsLoginAndJavaMailsOwnSettings() {
    settings.setHost("smtp.linjiang.gov.cn");
    settings.setPort(465);
    settings.setUsername("gongkai");
    settings.setPassword("secret");
    settings.setDefaultEncoding(StandardCharsets.UTF_8);
    settings.getProperties().put("mail.smtp.connectiontimeout", "5000");
    settings.getSsl().setEnabled(true);

    JavaMailSenderImpl sender = (JavaMailSenderImpl) MailSenders.from(settings, () -> null).get();

    assertThat(sender.getHost()).isEqualTo("smtp.linjiang.gov.cn");
    assertThat(sender.getPort()).isEqualTo(465);
    assertThat(sender.getUsername()).isEqualTo("gongkai");
    assertThat(sender.getPassword()).isEqualTo("secret");
    assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
    assertThat(sender.getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "5000")
        .containsEntry("mail.smtp.ssl.enable", "true");
  }

  @Test
  void aJndiMailSessionIsRefusedNamingTheSettingToUse() {
    settings.setJndiName("java:comp/env/mail/Session");

    assertThatThrownBy(() -> MailSenders.from(settings, () -> null))
        .hasMessageContaining("spring.mail.jndi-name is not supported")
        .hasMessageContaining("spring.mail.host");
  }
}
