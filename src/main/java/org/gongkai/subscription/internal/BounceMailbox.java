package org.gongkai.subscription.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the mailbox that bounces come back to (set {@code spring.mail.properties.mail.smtp.from} to
 * it): every delivery status notification (RFC 3464) whose recipient failed with a permanent status
 * (5.x.x) counts a failure against the address, found by its keyed hash; a complaint (an RFC 5965
 * abuse report) stops the address's subscriptions at once. Read reports are deleted.
 */
@Component
class BounceMailbox {

  private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

  private final SubscriptionProperties settings;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionService service;
  private final PersonalDataCipher cipher;
  private final TransactionTemplate transactions;

  BounceMailbox(
      SubscriptionProperties settings,
      SubscriptionRepository subscriptions,
      SubscriptionService service,
      PersonalDataCipher cipher,
      TransactionTemplate transactions) {
    this.settings = settings;
    this.subscriptions = subscriptions;
    this.service = service;
    this.cipher = cipher;
    this.transactions = transactions;
  }

  /** A report read from the mailbox: the recipients that failed for good, or complained. */
  record Report(List<String> failedRecipients, boolean complaint) {}

  @ClusterJob(fixedDelay = "${gongkai.subscriptions.bounces.interval:PT5M}")
  int read() {
    SubscriptionProperties.Bounces box = settings.bounces();
    if (!box.configured()) {
      return 0;
    }
    int counted = 0;
    Properties properties = new Properties();
    properties.put("mail." + box.protocol() + ".connectiontimeout", "10000");
    properties.put("mail." + box.protocol() + ".timeout", "30000");
    Session session = Session.getInstance(properties);
    try (Store store = session.getStore(box.protocol())) {
      store.connect(box.host(), box.port() == 0 ? -1 : box.port(), box.username(), box.password());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        for (Message message : inbox.getMessages()) {
          Report report = parse(message);
          for (String recipient : report.failedRecipients()) {
            counted += count(recipient, report.complaint());
          }
          message.setFlag(Flags.Flag.DELETED, true);
        }
      } finally {
        inbox.close(true);
      }
    } catch (MessagingException | IOException e) {
      log.warn("bounce mailbox not read: {}", SendFailures.describe(e));
    }
    return counted;
  }

  private int count(String recipient, boolean complaint) {
    int n = 0;
    for (long subscriberId : subscriptions.subscribersByHash(cipher.lookupHash(recipient))) {
      n++;
      if (complaint) {
        service.stop(subscriberId, Subscription.COMPLAINT);
      } else if (transactions.execute(tx -> subscriptions.countFailure(subscriberId))
          >= settings.maxBounces()) {
        service.stop(subscriberId, Subscription.BOUNCES);
      }
    }
    return n;
  }

  /** The recipients a report says failed permanently (or complained about the mail). */
  static Report parse(Message message) throws MessagingException, IOException {
    List<String> failed = new ArrayList<>();
    boolean complaint = false;
    if (message.isMimeType("multipart/report")) {
      Multipart parts = (Multipart) message.getContent();
      String type = message.getContentType().toLowerCase(Locale.ROOT);
      complaint = type.contains("feedback-report");
      for (int i = 0; i < parts.getCount(); i++) {
        Part part = parts.getBodyPart(i);
        if (part.isMimeType("message/delivery-status")) {
          failed.addAll(permanentFailures(text(part)));
        } else if (part.isMimeType("message/feedback-report")) {
          for (String line : text(part).split("\\r?\\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("original-rcpt-to:")) {
              failed.add(address(line.substring(line.indexOf(':') + 1)));
            }
          }
        }
      }
    }
    return new Report(failed, complaint);
  }

  /**
   * The recipient fields of a delivery-status body whose status is permanent: per RFC 3464 one
   * group of fields per recipient, separated by blank lines, after the message's own group.
   */
  static List<String> permanentFailures(String body) {
    List<String> failed = new ArrayList<>();
    for (String group : body.replace("\r\n", "\n").split("\n\\s*\n")) {
      String recipient = null;
      String status = null;
      for (String line : group.split("\n")) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("final-recipient:") || lower.startsWith("original-recipient:")) {
          if (recipient == null || lower.startsWith("final-recipient:")) {
            recipient = address(line.substring(line.indexOf(':') + 1));
          }
        } else if (lower.startsWith("status:")) {
          status = line.substring(line.indexOf(':') + 1).strip();
        }
      }
      if (recipient != null && status != null && status.startsWith("5")) {
        failed.add(recipient);
      }
    }
    return failed;
  }

  /** {@code rfc822; someone@example.org} or {@code <someone@example.org>}: the address. */
  private static String address(String field) {
    String value = field.strip();
    int semicolon = value.indexOf(';');
    if (semicolon >= 0) {
      value = value.substring(semicolon + 1).strip();
    }
    if (value.startsWith("<") && value.endsWith(">")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static String text(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
