package org.gongkai.subscription.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.IntakeMetrics;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.gongkai.subscription.internal.Subscription.Frequency;
import org.gongkai.subscription.internal.Subscription.Kind;
import org.gongkai.subscription.internal.Subscription.State;
import org.gongkai.subscription.internal.SubscriptionRepository.Subscriber;
import org.gongkai.topic.Topic;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribing (double opt-in), confirming, editing and ending subscriptions; every change audited
 * without the address. A reader whose last subscription ends loses the address at once.
 */
@Service
class SubscriptionService {

  private static final int MAX_EMAIL = 254;
  private static final int MAX_QUERY = 200;

  private final SubscriptionRepository subscriptions;
  private final MailRepository mails;
  private final AgencyDirectory agencies;
  private final Topics topics;
  private final Sites sites;
  private final Tokens tokens;
  private final Challenge challenge;
  private final AuditTrail audit;
  private final IntakeMetrics intake;
  private final TransactionTemplate transactions;
  private final org.gongkai.shared.privacy.PersonalDataCipher cipher;
  private final SubscriptionProperties settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SubscriptionService(
      SubscriptionRepository subscriptions,
      MailRepository mails,
      AgencyDirectory agencies,
      Topics topics,
      Sites sites,
      Tokens tokens,
      Challenge challenge,
      AuditTrail audit,
      IntakeMetrics intake,
      TransactionTemplate transactions,
      org.gongkai.shared.privacy.PersonalDataCipher cipher,
      SubscriptionProperties settings,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.mails = mails;
    this.agencies = agencies;
    this.topics = topics;
    this.sites = sites;
    this.tokens = tokens;
    this.challenge = challenge;
    this.audit = audit;
    this.intake = intake;
    this.transactions = transactions;
    this.cipher = cipher;
    this.settings = settings;
    this.clock = clock;
  }

  /** What was asked for, checked against the site it was asked on. */
  record Scope(
      Kind kind, Long agencyId, Long columnId, String queryText, String queryTopic, Long topicId) {}

  /**
   * Takes a subscription on the site and queues its confirmation mail; a subscription to the same
   * thing already active for the address is confirmed again instead of doubled. Spends the solved
   * challenge in the same transaction.
   */
  void subscribe(Site site, SubscribeForm form, Challenge.Solved solved) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    String email = form.email() == null ? "" : form.email().strip();
    if (email.isEmpty()
        || email.length() > MAX_EMAIL
        || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new Refusal.FieldProblem("email", "subscription.email.invalid"));
    }
    Frequency frequency = Frequency.IMMEDIATE;
    if (form.frequency() != null && !form.frequency().isBlank()) {
      try {
        frequency = Frequency.valueOf(form.frequency().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new Refusal.FieldProblem("frequency", "subscription.frequency.invalid"));
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    Scope scope = scope(site, form);
    Frequency chosen = frequency;
    transactions.executeWithoutResult(
        tx -> {
          if (solved != null) {
            challenge.spend(solved);
          }
          Instant now = clock.instant();
          String hash = cipher.lookupHash(email);
          long subscriberId =
              subscriptions
                  .subscriberByAddress(site.id(), hash)
                  .orElseGet(
                      () -> subscriptions.insertSubscriber(site.id(), email, hash, salt(), now));
          Optional<Subscription> same =
              subscriptions.sameActive(
                  subscriberId,
                  scope.kind(),
                  scope.agencyId(),
                  scope.columnId(),
                  scope.queryText(),
                  scope.queryTopic(),
                  scope.topicId());
          long id =
              same.map(Subscription::id)
                  .orElseGet(
                      () ->
                          subscriptions.insert(
                              subscriberId,
                              scope.kind(),
                              scope.agencyId(),
                              scope.columnId(),
                              scope.queryText(),
                              scope.queryTopic(),
                              scope.topicId(),
                              chosen,
                              now));
          mails.enqueueConfirmation(subscriberId, id, now);
          audit.record(
              "public",
              same.isPresent() ? "subscription.requested-again" : "subscription.requested",
              "subscription",
              id,
              scope.kind() + " " + describe(scope) + " " + chosen + " site " + site.id());
        });
    intake.accepted("subscription");
  }

  private Scope scope(Site site, SubscribeForm form) {
    if (form.topic() != null && !form.topic().isBlank()) {
      Topic topic =
          topics
              .publishedBySlug(form.topic().strip())
              .filter(t -> sites.shows(site, t.agencyId()))
              .orElseThrow(() -> Refusal.invalidField("topic", "subscription.topic.unknown"));
      return new Scope(Kind.TOPIC, null, null, null, null, topic.id());
    }
    Agency agency = null;
    if (form.agency() != null && !form.agency().isBlank()) {
      agency =
          agencies
              .findByCode(form.agency().strip())
              .filter(a -> sites.shows(site, a.id()))
              .orElseThrow(() -> Refusal.invalidField("agency", "subscription.agency.unknown"));
    }
    Column column = null;
    if (form.column() != null) {
      column =
          agencies
              .column(form.column())
              .filter(c -> !c.hidden() && sites.shows(site, c.agencyId()))
              .orElseThrow(() -> Refusal.invalidField("column", "subscription.column.unknown"));
      if (agency != null && agency.id() != column.agencyId()) {
        throw Refusal.invalidField("column", "subscription.column.unknown");
      }
    }
    String query = form.query() == null ? "" : form.query().strip();
    if (!query.isEmpty()) {
      if (query.length() > MAX_QUERY) {
        throw Refusal.invalidField("query", "field.too-long");
      }
      String subject =
          form.subject() == null || form.subject().isBlank() ? null : form.subject().strip();
      if (subject != null && subject.length() > 100) {
        throw Refusal.invalidField("subject", "field.too-long");
      }
      // Spelled out: a nested conditional of long and null unboxes its null (a search over every
      // agency was a 500).
      Long agencyId = null;
      if (agency != null) {
        agencyId = agency.id();
      } else if (column != null) {
        agencyId = column.agencyId();
      }
      return new Scope(
          Kind.QUERY, agencyId, column == null ? null : column.id(), query, subject, null);
    }
    if (column != null) {
      return new Scope(Kind.COLUMN, column.agencyId(), column.id(), null, null, null);
    }
    if (agency != null) {
      return new Scope(Kind.AGENCY, agency.id(), null, null, null, null);
    }
    throw Refusal.invalidField("agency", "subscription.scope.required");
  }

  private static String describe(Scope s) {
    return switch (s.kind()) {
      case AGENCY -> "agency " + s.agencyId();
      case COLUMN -> "column " + s.columnId();
      case TOPIC -> "topic " + s.topicId();
      case QUERY ->
          "query agency=" + s.agencyId() + " column=" + s.columnId() + " subject=" + s.queryTopic();
    };
  }

  /** Confirms the subscription a confirmation link names; the reader's token for its page. */
  Confirmed confirm(String token) {
    Tokens.Confirmation c =
        tokens
            .openConfirmation(token)
            .orElseThrow(() -> Refusal.notFound("subscription.confirm.unknown"));
    Subscription s =
        subscriptions
            .find(c.subscriptionId())
            .orElseThrow(() -> Refusal.notFound("subscription.confirm.unknown"));
    if (s.state() == State.CONFIRMED) {
      return confirmed(s);
    }
    if (s.state() != State.PENDING) {
      throw Refusal.gone("subscription.confirm.ended");
    }
    if (clock.instant().isAfter(c.expires())) {
      throw Refusal.gone("subscription.confirm.expired");
    }
    transactions.executeWithoutResult(
        tx -> {
          if (subscriptions.confirm(s.id(), clock.instant())) {
            subscriptions.clearFailures(s.subscriberId());
            audit.record("public", "subscription.confirmed", "subscription", s.id(), null);
          }
        });
    return confirmed(subscriptions.find(s.id()).orElseThrow());
  }

  record Confirmed(Subscription subscription, String readerToken) {}

  private Confirmed confirmed(Subscription s) {
    Subscriber reader =
        subscriptions
            .subscriber(s.subscriberId())
            .orElseThrow(() -> Refusal.gone("subscription.confirm.ended"));
    return new Confirmed(s, tokens.reader(reader.id(), reader.tokenSalt()));
  }

  /** The reader a token names, if the token is genuine and the reader still has an address. */
  Optional<Subscriber> reader(String token) {
    return tokens
        .readerId(token)
        .flatMap(subscriptions::subscriber)
        .filter(r -> tokens.readerMatches(token, r.id(), r.tokenSalt()));
  }

  /** The reader's subscriptions still active. */
  List<Subscription> active(long subscriberId) {
    return subscriptions.ofSubscriber(subscriberId).stream()
        .filter(s -> s.state().active())
        .toList();
  }

  /**
   * Ends every subscription of the reader the token names (one-click unsubscribe); a genuine token
   * of a reader already gone answers alike. False when the token is not genuine.
   */
  boolean unsubscribeAll(String token) {
    Optional<Subscriber> reader = reader(token);
    if (reader.isEmpty()) {
      return tokens.readerId(token).isPresent() && gone(token);
    }
    end(reader.get().id(), null, State.UNSUBSCRIBED, Subscription.BY_READER);
    return true;
  }

  private boolean gone(String token) {
    return tokens.readerId(token).map(id -> subscriptions.subscriber(id).isEmpty()).orElse(false);
  }

  /** Ends one subscription of the reader. */
  void unsubscribe(Subscriber reader, long subscriptionId) {
    owned(reader, subscriptionId);
    end(reader.id(), subscriptionId, State.UNSUBSCRIBED, Subscription.BY_READER);
  }

  void changeFrequency(Subscriber reader, long subscriptionId, String frequency) {
    Subscription s = owned(reader, subscriptionId);
    Frequency f;
    try {
      f = Frequency.valueOf(frequency == null ? "" : frequency.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalidField("frequency", "subscription.frequency.invalid");
    }
    if (f == s.frequency()) {
      return;
    }
    transactions.executeWithoutResult(
        tx -> {
          subscriptions.setFrequency(s.id(), f);
          audit.record(
              "public", "subscription.frequency-changed", "subscription", s.id(), f.name());
        });
  }

  private Subscription owned(Subscriber reader, long subscriptionId) {
    return subscriptions
        .find(subscriptionId)
        .filter(s -> s.subscriberId() == reader.id() && s.state().active())
        .orElseThrow(() -> Refusal.notFound("subscription.not-found"));
  }

  /**
   * Stops every subscription of the reader: its address kept failing. The address is removed with
   * them.
   */
  void stop(long subscriberId, String reason) {
    end(subscriberId, null, State.STOPPED, reason);
  }

  /**
   * Ends one subscription of the reader, or all when {@code only} is null, with the reader's mails
   * still waiting; removes the address when none is left active.
   */
  private void end(long subscriberId, Long only, State state, String reason) {
    transactions.executeWithoutResult(
        tx -> {
          Instant now = clock.instant();
          for (Subscription s : subscriptions.ofSubscriber(subscriberId)) {
            if ((only == null || only == s.id()) && subscriptions.end(s.id(), state, reason, now)) {
              mails.dropOpenNotices(s.id());
              audit.record(
                  "public",
                  state == State.STOPPED ? "subscription.stopped" : "subscription.unsubscribed",
                  "subscription",
                  s.id(),
                  reason);
            }
          }
          if (subscriptions.ofSubscriber(subscriberId).stream()
              .noneMatch(s -> s.state().active())) {
            mails.cancelPending(subscriberId);
            subscriptions.purge(subscriberId, now);
          }
        });
  }

  /**
   * Removes subscriptions whose confirmation link expired unused, and the addresses left without an
   * active subscription; the number of subscriptions removed.
   */
  int expireUnconfirmed() {
    Instant before = clock.instant().minus(settings.confirmWithin());
    int n = 0;
    for (Subscription s : subscriptions.unconfirmedBefore(before)) {
      end(s.subscriberId(), s.id(), State.STOPPED, Subscription.EXPIRED);
      n++;
    }
    for (long subscriberId : subscriptions.subscribersToPurge()) {
      transactions.executeWithoutResult(tx -> subscriptions.purge(subscriberId, clock.instant()));
    }
    return n;
  }

  private String salt() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
