package org.gongkai.subscription.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.gongkai.subscription.internal.MailRepository.Attempt;
import org.gongkai.subscription.internal.MailRepository.Outgoing;
import org.gongkai.subscription.internal.SubscriptionRepository.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * The cluster job that sends subscription mails. Each run matches the saved searches, gathers each
 * reader's new items into one mail (the daily digests once their hour has come), then claims due
 * mails in batches, a batch at a time with a lease, and hands each batch to the mail server over
 * one connection. A mail is written as sent, failed or due again only while this claim holds it;
 * one whose node died is claimed again once the lease has run out. A permanent refusal counts
 * against the address; a temporary one is tried again after a growing pause.
 */
@Component
class SubscriptionMailer {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionMailer.class);
  private static final int MAX_PASSES = 100_000;

  /**
   * Jakarta Mail looks its stream provider up through the service loader, scanning the class path,
   * each time a header word or a body is encoded or decoded: several times a mail. Named as a
   * system property it is made directly instead.
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  private final MailRepository mails;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionService service;
  private final SavedSearches savedSearches;
  private final MailMessages messages;
  private final Sites sites;
  private final ObjectProvider<JavaMailSender> mail;
  private final SubscriptionProperties settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final String node;
  private final AtomicLong runs = new AtomicLong();

  SubscriptionMailer(
      MailRepository mails,
      SubscriptionRepository subscriptions,
      SubscriptionService service,
      SavedSearches savedSearches,
      MailMessages messages,
      Sites sites,
      ObjectProvider<JavaMailSender> mail,
      SubscriptionProperties settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.mails = mails;
    this.subscriptions = subscriptions;
    this.service = service;
    this.savedSearches = savedSearches;
    this.messages = messages;
    this.sites = sites;
    this.mail = mail;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    if (System.getProperty(STREAM_PROVIDER) == null
        && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, getClass().getClassLoader())) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
    String host = hostName();
    this.node =
        host.substring(0, Math.min(host.length(), 60))
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  @ClusterJob(fixedDelay = "${gongkai.subscriptions.send-interval:PT15S}")
  void run() {
    if (mail.getIfAvailable() == null) {
      return;
    }
    savedSearches.match();
    gather();
    sendDue();
  }

  /**
   * Gathers open notices into mails: the immediate ones now, the daily ones written before today's
   * digest hour once it has come. The number of mails written.
   */
  int gather() {
    Instant now = clock.instant();
    int written =
        transactions.execute(
            tx ->
                mails.gather(
                    Subscription.Frequency.IMMEDIATE.name(),
                    MailRepository.IMMEDIATE,
                    now,
                    batchKey(),
                    now));
    Instant digestHour =
        LocalDate.now(clock).atTime(settings.digestAt()).atZone(clock.getZone()).toInstant();
    if (!now.isBefore(digestHour)) {
      written +=
          transactions.execute(
              tx ->
                  mails.gather(
                      Subscription.Frequency.DAILY.name(),
                      MailRepository.DIGEST,
                      digestHour,
                      batchKey(),
                      now));
    }
    return written;
  }

  private static String batchKey() {
    return UUID.randomUUID().toString();
  }

  /** What one call of {@link #sendDue} did. */
  record Outcome(int sent, int failed, int retrying, int cancelled) {

    Outcome plus(Outcome o) {
      return new Outcome(
          sent + o.sent, failed + o.failed, retrying + o.retrying, cancelled + o.cancelled);
    }
  }

  /**
   * Sends every mail due now: this thread claims a batch at a time and hands each claimed batch to
   * one of {@code senders} threads, each sending its batch over a connection of its own. At most
   * one batch per sending thread waits claimed, so a node holds no more than it is sending.
   */
  Outcome sendDue() {
    JavaMailSender sender = mail.getIfAvailable();
    Outcome total = new Outcome(0, 0, 0, 0);
    if (sender == null) {
      return total;
    }
    Map<Long, Optional<MailTexts.Entry>> documents = new ConcurrentHashMap<>();
    int threads = settings.senders();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "subscription-sender");
              t.setDaemon(true);
              return t;
            });
    Semaphore slots = new Semaphore(threads);
    List<Future<Outcome>> running = new ArrayList<>();
    try {
      for (int pass = 0; pass < MAX_PASSES; pass++) {
        slots.acquire();
        Instant now = clock.instant();
        List<Long> candidates = mails.claimable(now, settings.batch());
        String claim = node + "#" + runs.incrementAndGet();
        List<Long> claimed =
            candidates.isEmpty()
                ? List.of()
                : mails.claim(candidates, claim, now, now.plus(settings.lease()));
        if (claimed.isEmpty()) {
          slots.release();
          if (candidates.isEmpty()) {
            break;
          }
          continue;
        }
        running.add(
            pool.submit(
                () -> {
                  try {
                    return send(sender, claim, claimed, documents);
                  } finally {
                    slots.release();
                  }
                }));
      }
      for (Future<Outcome> f : running) {
        total = total.plus(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("sending subscription mails failed", e.getCause());
    } finally {
      pool.shutdown();
    }
    return total;
  }

  private Outcome send(
      JavaMailSender sender,
      String claim,
      List<Long> ids,
      Map<Long, Optional<MailTexts.Entry>> documents) {
    List<Outgoing> outgoing = mails.outgoing(ids);
    Map<Long, Subscriber> readers =
        subscriptions.subscribers(
            outgoing.stream().map(Outgoing::subscriberId).distinct().toList());
    MailMessages.Batch batch = messages.batch(outgoing, documents);
    Map<MimeMessage, Outgoing> built = new IdentityHashMap<>();
    List<Outgoing> cancelled = new ArrayList<>();
    Map<Long, Site> siteCache = new HashMap<>();
    for (Outgoing o : outgoing) {
      Subscriber reader = readers.get(o.subscriberId());
      Site site =
          reader == null
              ? null
              : siteCache.computeIfAbsent(reader.siteId(), id -> sites.find(id).orElse(null));
      Optional<MailTexts.Mail> text =
          reader == null || site == null ? Optional.empty() : batch.text(o, reader, site);
      if (text.isEmpty()) {
        cancelled.add(o);
        continue;
      }
      try {
        built.put(compose(sender, reader, site, text.get()), o);
      } catch (MessagingException | RuntimeException e) {
        cancelled.add(o);
        log.warn("subscription mail {} not composed: {}", o.id(), e.getClass().getSimpleName());
      }
    }
    Map<Object, Exception> failures = new IdentityHashMap<>();
    Instant started = clock.instant();
    if (!built.isEmpty()) {
      try {
        sender.send(built.keySet().toArray(MimeMessage[]::new));
      } catch (MailSendException e) {
        failures.putAll(e.getFailedMessages());
        if (failures.isEmpty()) {
          built.keySet().forEach(m -> failures.put(m, e));
        }
      } catch (MailException e) {
        built.keySet().forEach(m -> failures.put(m, e));
      }
    }
    return transactions.execute(tx -> record(claim, built, failures, cancelled, started));
  }

  private Outcome record(
      String claim,
      Map<MimeMessage, Outgoing> built,
      Map<Object, Exception> failures,
      List<Outgoing> cancelled,
      Instant started) {
    Instant now = clock.instant();
    List<Attempt> logged = new ArrayList<>();
    List<Long> sent = new ArrayList<>();
    int failed = 0;
    int retrying = 0;
    for (Map.Entry<MimeMessage, Outgoing> e : built.entrySet()) {
      Outgoing o = e.getValue();
      Exception failure = failures.get(e.getKey());
      if (failure == null) {
        sent.add(o.id());
        logged.add(new Attempt(o.id(), "SENT", null));
        continue;
      }
      int attempts = o.attempts() + 1;
      String error = SendFailures.describe(failure);
      if (SendFailures.permanent(failure)) {
        failed++;
        mails.finish(o.id(), claim, "FAILED", attempts, now, error, null);
        logged.add(new Attempt(o.id(), "PERMANENT", error));
        if (subscriptions.countFailure(o.subscriberId()) >= settings.maxBounces()) {
          service.stop(o.subscriberId(), Subscription.BOUNCES);
        }
      } else if (attempts >= settings.maxAttempts()) {
        failed++;
        mails.finish(o.id(), claim, "FAILED", attempts, now, error, null);
        logged.add(new Attempt(o.id(), "TEMPORARY", error));
      } else {
        retrying++;
        mails.finish(
            o.id(),
            claim,
            "PENDING",
            attempts,
            now.plus(settings.delayAfter(attempts)),
            error,
            null);
        logged.add(new Attempt(o.id(), "TEMPORARY", error));
      }
      log.info(
          "subscription mail {} of reader {} not sent (attempt {}): {}",
          o.id(),
          o.subscriberId(),
          attempts,
          error);
    }
    mails.finishAllSent(sent, claim, now);
    for (Outgoing o : cancelled) {
      mails.finish(o.id(), claim, "CANCELLED", o.attempts(), now, null, null);
      logged.add(new Attempt(o.id(), "CANCELLED", null));
    }
    mails.log(logged, started, node);
    return new Outcome(sent.size(), failed, retrying, cancelled.size());
  }

  private MimeMessage compose(
      JavaMailSender sender, Subscriber reader, Site site, MailTexts.Mail text)
      throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(reader.email());
    helper.setSubject(text.subject());
    helper.setText(text.text(), false);
    String oneClick = messages.oneClickUrl(site, reader);
    message.setHeader("List-Unsubscribe", "<" + oneClick + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.setHeader("List-Id", "<subscriptions." + site.id() + "." + site.canonicalHost() + ">");
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  /** This node's name in the send log. */
  String node() {
    return node;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
