package org.gongkai.shared.mail;

import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/** A {@link JavaMailSenderImpl} from {@code spring.mail.*}, as Spring Boot documents them. */
final class MailSenders {

  private MailSenders() {}

  /** None when no host is set; refuses a JNDI mail session, which a standalone jar never has. */
  static Optional<JavaMailSender> from(MailProperties settings, Supplier<SslBundles> bundles) {
    if (StringUtils.hasText(settings.getJndiName())) {
      throw new IllegalStateException(
          "spring.mail.jndi-name is not supported: name the mail server with spring.mail.host");
    }
    if (!StringUtils.hasText(settings.getHost())) {
      return Optional.empty();
    }
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.getHost());
    if (settings.getPort() != null) {
      sender.setPort(settings.getPort());
    }
    sender.setUsername(settings.getUsername());
    sender.setPassword(settings.getPassword());
    sender.setProtocol(settings.getProtocol());
    if (settings.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(settings.getDefaultEncoding().name());
    }
    Properties javaMail = new Properties();
    javaMail.putAll(settings.getProperties());
    String protocol =
        StringUtils.hasLength(settings.getProtocol()) ? settings.getProtocol() : "smtp";
    MailProperties.Ssl ssl = settings.getSsl();
    if (ssl.isEnabled()) {
      javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
    }
    if (ssl.getBundle() != null) {
      javaMail.put(
          "mail." + protocol + ".ssl.socketFactory",
          bundles.get().getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
    }
    if (!javaMail.isEmpty()) {
      sender.setJavaMailProperties(javaMail);
    }
    return Optional.of(sender);
  }
}
