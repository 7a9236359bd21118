package org.gongkai.subscription.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.privacy.Resealing;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly: subscriptions never confirmed within {@code confirm-within} are stopped and their
 * addresses removed, as are the addresses of readers left without an active subscription. Daily:
 * mails finished longer ago than {@code keep-mails} are removed with their notices and log. At
 * start-up, addresses sealed under an older key are sealed again under the current one.
 */
@Component
class SubscriptionUpkeep {

  private final SubscriptionService subscriptions;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PersonalDataCipher cipher;
  private final MailRepository mails;
  private final SubscriptionProperties settings;
  private final Clock clock;

  SubscriptionUpkeep(
      SubscriptionService subscriptions,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      PersonalDataCipher cipher,
      MailRepository mails,
      SubscriptionProperties settings,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cipher = cipher;
    this.mails = mails;
    this.settings = settings;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void resealInBackground() {
    Resealing.inBackground(
        jdbc,
        transactions,
        cipher,
        "subscriber",
        Map.of("email", SubscriptionRepository.EMAIL_FIELD));
  }

  @ClusterJob(cron = "0 40 * * * *")
  int expire() {
    return subscriptions.expireUnconfirmed();
  }

  /**
   * Daily: mails finished longer ago than {@code keep-mails}, their notices and send-log lines, are
   * removed; the number of mails removed.
   */
  @ClusterJob(cron = "0 50 3 * * *")
  int forgetOldMails() {
    Instant before = clock.instant().minus(settings.keepMails());
    return transactions.execute(tx -> mails.deleteFinishedBefore(before));
  }
}
