package org.gongkai.subscription.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.PublicDocument;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.subscription.internal.MailRepository.Item;
import org.gongkai.subscription.internal.MailRepository.Outgoing;
import org.gongkai.subscription.internal.Subscription.State;
import org.gongkai.subscription.internal.SubscriptionRepository.Subscriber;
import org.springframework.stereotype.Component;

/**
 * Puts together the words of a batch of claimed mails: a confirmation, or the reader's items of the
 * run grouped by subscription, without those of subscriptions ended since and of documents
 * withdrawn since. Documents are read once per run.
 */
@Component
class MailMessages {

  private final MailRepository mails;
  private final SubscriptionRepository subscriptions;
  private final MailTexts texts;
  private final Tokens tokens;
  private final Catalog catalog;
  private final AgencyDirectory agencies;
  private final SubscriptionProperties settings;
  private final Clock clock;

  MailMessages(
      MailRepository mails,
      SubscriptionRepository subscriptions,
      MailTexts texts,
      Tokens tokens,
      Catalog catalog,
      AgencyDirectory agencies,
      SubscriptionProperties settings,
      Clock clock) {
    this.mails = mails;
    this.subscriptions = subscriptions;
    this.texts = texts;
    this.tokens = tokens;
    this.catalog = catalog;
    this.agencies = agencies;
    this.settings = settings;
    this.clock = clock;
  }

  String oneClickUrl(Site site, Subscriber reader) {
    return texts.oneClickUrl(site, tokens.reader(reader.id(), reader.tokenSalt()));
  }

  /** The items and subscriptions of a batch of mails, read in three queries. */
  Batch batch(List<Outgoing> outgoing, Map<Long, Optional<MailTexts.Entry>> documents) {
    List<Item> items = mails.items(outgoing.stream().map(Outgoing::id).toList());
    List<Long> subscriptionIds = new ArrayList<>();
    items.forEach(i -> subscriptionIds.add(i.subscriptionId()));
    outgoing.stream()
        .filter(o -> o.subscriptionId() != null)
        .forEach(o -> subscriptionIds.add(o.subscriptionId()));
    return new Batch(
        items.stream().collect(Collectors.groupingBy(Item::mailId)),
        subscriptions.subscriptions(subscriptionIds.stream().distinct().toList()),
        documents);
  }

  final class Batch {

    private final Map<Long, List<Item>> itemsByMail;
    private final Map<Long, Subscription> subscriptionsById;
    private final Map<Long, Optional<MailTexts.Entry>> documents;

    Batch(
        Map<Long, List<Item>> itemsByMail,
        Map<Long, Subscription> subscriptionsById,
        Map<Long, Optional<MailTexts.Entry>> documents) {
      this.itemsByMail = itemsByMail;
      this.subscriptionsById = subscriptionsById;
      this.documents = documents;
    }

    /** The mail's subject and text; empty when nothing is left to send. */
    Optional<MailTexts.Mail> text(Outgoing o, Subscriber reader, Site site) {
      String readerToken = tokens.reader(reader.id(), reader.tokenSalt());
      if (MailRepository.CONFIRM.equals(o.kind())) {
        Subscription s = subscriptionsById.get(o.subscriptionId());
        if (s == null || s.state() != State.PENDING) {
          return Optional.empty();
        }
        Instant expires = s.createdAt().plus(settings.confirmWithin());
        return Optional.of(
            texts.confirmation(
                site, s, tokens.confirmation(s.id(), expires), expires, clock.getZone()));
      }
      Map<Subscription, List<MailTexts.Entry>> grouped = MailTexts.grouped();
      for (Item item : itemsByMail.getOrDefault(o.id(), List.of())) {
        Subscription s = subscriptionsById.get(item.subscriptionId());
        if (s == null || s.state() != State.CONFIRMED) {
          continue;
        }
        documents
            .computeIfAbsent(item.documentId(), this::entry)
            .ifPresent(e -> grouped.computeIfAbsent(s, k -> new ArrayList<>()).add(e));
      }
      if (grouped.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          texts.items(site, MailRepository.DIGEST.equals(o.kind()), grouped, readerToken));
    }

    private Optional<MailTexts.Entry> entry(long documentId) {
      try {
        PublicDocument d = catalog.publicDocument(documentId);
        return Optional.of(
            new MailTexts.Entry(
                d.id(),
                d.edition().title(),
                agencies.find(d.agencyId()).map(a -> a.name()).orElse(""),
                d.publishedOn()));
      } catch (Refusal withdrawn) {
        return Optional.empty();
      }
    }
  }
}
