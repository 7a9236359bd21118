package org.gongkai.foi.internal;

import org.gongkai.foi.Acknowledgement;
import org.gongkai.shared.execution.PlatformExecutors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant their tracking code and secret where mail is configured. The request is
 * stored before this runs, and the mail goes out on its own pool: the applicant's answer never
 * waits for the mail server, and a mail failure is logged (without the address) and loses nothing.
 */
@Component
class ApplicantMail {

  private static final Logger log = LoggerFactory.getLogger(ApplicantMail.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final MessageSource messages;

  ApplicantMail(ObjectProvider<JavaMailSender> mail, MessageSource messages) {
    this.mail = mail;
    this.messages = messages;
  }

  @Async(PlatformExecutors.MAIL)
  void acknowledge(String email, String agencyName, Acknowledgement ack) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null || email == null || email.isBlank()) {
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setTo(email.trim());
    message.setSubject(
        messages.getMessage("foi.mail.subject", new Object[] {agencyName}, Letters.LETTER_LOCALE));
    message.setText(
        messages.getMessage(
            "foi.mail.body",
            new Object[] {agencyName, ack.trackingCode(), ack.secret()},
            Letters.LETTER_LOCALE));
    try {
      sender.send(message);
    } catch (MailException e) {
      log.warn(
          "acknowledgement mail for {} not sent: {}",
          ack.trackingCode(),
          e.getClass().getSimpleName());
    }
  }
}
