package org.gongkai.subscription.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Delivery status notifications (RFC 3464) as a mail server sends them back. */
final class Bounces {

  private Bounces() {}

  static MimeMessage report(String recipient, String status) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("mailer-daemon@mx.readers.test"));
    message.setRecipient(
        MimeMessage.RecipientType.TO, new InternetAddress(TestMailServer.BOUNCE_ADDRESS));
    message.setSubject("Undelivered Mail Returned to Sender");
    MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
    MimeBodyPart human = new MimeBodyPart();
    human.setText("The mail could not be delivered.", "UTF-8");
    report.addBodyPart(human);
    MimeBodyPart fieldsPart = new MimeBodyPart();
    String fields =
        "Reporting-MTA: dns; mx.readers.test\r\n\r\n"
            + "Final-Recipient: rfc822; "
            + recipient
            + "\r\nAction: "
            + (status.startsWith("5") ? "failed" : "delayed")
            + "\r\nStatus: "
            + status
            + "\r\n";
    fieldsPart.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                fields.getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
    report.addBodyPart(fieldsPart);
    message.setContent(report);
    message.saveChanges();
    return message;
  }
}
