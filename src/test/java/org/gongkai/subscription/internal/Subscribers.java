package org.gongkai.subscription.internal;

import java.time.Instant;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.context.ApplicationContext;

/**
 * For tests in other packages: a node's subscription parts, reached without exposing them. Readers
 * made here skip the challenge and the confirmation mail, not the service.
 */
public final class Subscribers {

  private Subscribers() {}

  /** A confirmed subscription of {@code email} to the agency on the first site. */
  public static long confirmedToAgency(ApplicationContext node, String email, String agencyCode) {
    SubscriptionService service = node.getBean(SubscriptionService.class);
    Site site = node.getBean(Sites.class).fallback();
    service.subscribe(
        site,
        new SubscribeForm(email, agencyCode, null, null, null, null, "IMMEDIATE", null),
        null);
    SubscriptionRepository repository = node.getBean(SubscriptionRepository.class);
    long subscriber =
        repository
            .subscriberByAddress(
                site.id(),
                node.getBean(org.gongkai.shared.privacy.PersonalDataCipher.class).lookupHash(email))
            .orElseThrow();
    Subscription s =
        repository.ofSubscriber(subscriber).stream()
            .filter(x -> x.state() == Subscription.State.PENDING)
            .findFirst()
            .orElseThrow();
    Tokens tokens = node.getBean(Tokens.class);
    service.confirm(tokens.confirmation(s.id(), Instant.now().plusSeconds(3600)));
    // The confirmation mail is no longer needed.
    node.getBean(MailRepository.class).cancelPending(subscriber);
    return s.id();
  }

  /** Runs the node's mail job once: gather new items into mails, send what is due. */
  public static int sendOnce(ApplicationContext node) {
    SubscriptionMailer mailer = node.getBean(SubscriptionMailer.class);
    node.getBean(SavedSearches.class).match();
    mailer.gather();
    return mailer.sendDue().sent();
  }

  /** The node's name in the send log. */
  public static String node(ApplicationContext node) {
    return node.getBean(SubscriptionMailer.class).node();
  }

  /** Open notices (not yet in a mail) for the document. */
  public static long openNotices(ApplicationContext node, long documentId) {
    return node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("SELECT COUNT(*) FROM subscription_notice WHERE document_id = ? AND mail_id IS NULL")
        .param(documentId)
        .query(Long.class)
        .single();
  }

  /**
   * {@code count} confirmed readers of the agency on the first site, written straight into the
   * tables (addresses sealed as the service seals them), a thousand per transaction.
   */
  public static void seedConfirmed(
      ApplicationContext node, String agencyCode, int count, String prefix) {
    SubscriptionRepository repository = node.getBean(SubscriptionRepository.class);
    var cipher = node.getBean(org.gongkai.shared.privacy.PersonalDataCipher.class);
    var transactions =
        node.getBean(org.springframework.transaction.support.TransactionTemplate.class);
    long siteId = node.getBean(Sites.class).fallback().id();
    long agencyId =
        node.getBean(org.gongkai.agency.AgencyDirectory.class)
            .findByCode(agencyCode)
            .orElseThrow()
            .id();
    var jdbc = node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    for (int from = 0; from < count; from += 1000) {
      int start = from;
      transactions.executeWithoutResult(
          tx -> {
            Instant now = Instant.now();
            for (int i = start; i < Math.min(count, start + 1000); i++) {
              String email = prefix + i + "@readers.test";
              long subscriber =
                  repository.insertSubscriber(
                      siteId, email, cipher.lookupHash(email), "salt" + i, now);
              long id =
                  repository.insert(
                      subscriber,
                      Subscription.Kind.AGENCY,
                      agencyId,
                      null,
                      null,
                      null,
                      null,
                      Subscription.Frequency.IMMEDIATE,
                      now);
              jdbc.sql("UPDATE subscription SET state = 'CONFIRMED', confirmed_at = ? WHERE id = ?")
                  .params(java.sql.Timestamp.from(now), id)
                  .update();
            }
          });
    }
  }

  /** Gathers open notices into mails on the node; the number of mails written. */
  public static int gather(ApplicationContext node) {
    return node.getBean(SubscriptionMailer.class).gather();
  }

  /** Sends every due mail on the node; the number handed to the mail server. */
  public static int sendDue(ApplicationContext node) {
    return node.getBean(SubscriptionMailer.class).sendDue().sent();
  }
}
