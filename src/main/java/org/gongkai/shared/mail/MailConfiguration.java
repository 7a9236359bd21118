package org.gongkai.shared.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail server staff reminders, applicants' tracking codes and subscriptions go through, from
 * Spring Boot's {@code spring.mail.*} settings. Spring Boot's own mail configuration is a condition
 * on {@code spring.mail.host}, which a start ahead of time would have decided when the jar was
 * built; this one reads the settings at every start (it replaces Boot's, which the application
 * excludes).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  /**
   * No sender without {@code spring.mail.host}: Spring keeps a bean method's null as "no bean", so
   * that {@code ObjectProvider<JavaMailSender>.getIfAvailable()} answers null, as it did when
   * Boot's condition left the bean out.
   */
  @Bean
  JavaMailSender mailSender(MailProperties settings, ObjectProvider<SslBundles> bundles) {
    return MailSenders.from(settings, bundles::getObject).orElse(null);
  }
}
