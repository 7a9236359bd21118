package org.gongkai.subscription.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SendFailuresTests {

  private static SendFailedException refused(int code) throws Exception {
    InternetAddress to = new InternetAddress("reader@example.org");
    SendFailedException failed =
        new SendFailedException(
            "Invalid Addresses",
            new SMTPAddressFailedException(
                to, "RCPT TO:<reader@example.org>", code, code + " <reader@example.org> no"),
            new InternetAddress[0],
            new InternetAddress[0],
            new InternetAddress[] {to});
    return failed;
  }

  @Test
  void aRefusalWith5xxIsPermanentAnd4xxIsNot() throws Exception {
    assertThat(SendFailures.permanent(new MailSendException("x", refused(550)))).isTrue();
    assertThat(SendFailures.permanent(new MailSendException("x", refused(450)))).isFalse();
  }

  @Test
  void aFailedConnectionIsTemporary() {
    MessagingException e = new MessagingException("connect", new ConnectException("refused"));
    assertThat(SendFailures.permanent(new MailSendException("x", e))).isFalse();
  }

  @Test
  void descriptionsLeaveAddressesOut() throws Exception {
    assertThat(SendFailures.describe(refused(550)))
        .contains("550")
        .doesNotContain("reader@example.org")
        .contains("<address>");
  }

  @Test
  void aDeliveryStatusCountsOnlyPermanentRecipients() {
    String body =
        "Reporting-MTA: dns; mx.example.org\r\n\r\n"
            + "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            + "Final-Recipient: rfc822; <full@example.org>\r\nAction: delayed\r\n"
            + "Status: 4.2.2\r\n";
    assertThat(BounceMailbox.permanentFailures(body)).containsExactly("gone@example.org");
  }
}
