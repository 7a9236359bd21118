package org.gongkai.subscription.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the confirmed saved searches over the first publications recorded at least {@code
 * query-delay} ago (the search index takes a publication after its commit): one search per saved
 * search and batch, its words and filters within the agencies of the reader's site, newest first
 * and limited to the batch's publication days; a hit of the batch becomes a notice.
 */
@Component
class SavedSearches {

  private static final int BATCH = 500;
  private static final int PAGE = 100;
  private static final int MAX_PAGES = 20;

  private final MailRepository mails;
  private final SubscriptionRepository subscriptions;
  private final Search search;
  private final Sites sites;
  private final AgencyDirectory agencies;
  private final SubscriptionProperties settings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SavedSearches(
      MailRepository mails,
      SubscriptionRepository subscriptions,
      Search search,
      Sites sites,
      AgencyDirectory agencies,
      SubscriptionProperties settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.mails = mails;
    this.subscriptions = subscriptions;
    this.search = search;
    this.sites = sites;
    this.agencies = agencies;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Matches one batch of waiting publications; the number of notices written. */
  int match() {
    Instant now = clock.instant();
    List<MailRepository.Publication> batch =
        mails.unqueried(now.minus(settings.queryDelay()), BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<Long, Instant> published =
        batch.stream()
            .collect(
                Collectors.toMap(
                    MailRepository.Publication::documentId,
                    MailRepository.Publication::publishedAt));
    ZoneId zone = clock.getZone();
    LocalDate from =
        LocalDate.ofInstant(
            batch.stream()
                .map(MailRepository.Publication::publishedAt)
                .min(Comparator.naturalOrder())
                .orElseThrow(),
            zone);
    LocalDate to =
        LocalDate.ofInstant(
            batch.stream()
                .map(MailRepository.Publication::publishedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow(),
            zone);
    Map<Long, Set<String>> siteScopes = new HashMap<>();
    int written = 0;
    try {
      for (Subscription s : subscriptions.confirmedQueries()) {
        long siteId = subscriptions.siteOf(s.subscriberId());
        Set<String> scope = siteScopes.computeIfAbsent(siteId, this::agencyCodes);
        String agencyCode =
            s.agencyId() == null
                ? null
                : agencies.find(s.agencyId()).map(a -> a.code()).orElse(null);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
          SearchQuery query =
              new SearchQuery(
                      s.queryText(),
                      agencyCode,
                      s.columnId(),
                      s.queryTopic(),
                      null,
                      from,
                      to,
                      SearchQuery.Sort.DATE,
                      1,
                      PAGE,
                      cursor,
                      false)
                  .within(scope);
          SearchResult result = search.search(query);
          for (SearchResult.Hit hit : result.items()) {
            Instant at = published.get(hit.id());
            if (at != null
                && s.confirmedAt() != null
                && !at.isBefore(s.confirmedAt())
                && transactions.execute(tx -> mails.notice(s, hit.id(), clock.instant()))) {
              written++;
            }
          }
          cursor = result.nextCursor();
          if (cursor == null || result.items().size() < PAGE) {
            break;
          }
        }
      }
    } catch (Refusal indexBuilding) {
      // The index is being built afresh: the batch is matched on a later run.
      return written;
    }
    transactions.executeWithoutResult(tx -> mails.markQueried(List.copyOf(published.keySet())));
    return written;
  }

  /** The codes of the agencies the site shows; null when it shows every agency. */
  private Set<String> agencyCodes(long siteId) {
    return sites
        .find(siteId)
        .flatMap(sites::agencyScope)
        .filter(ids -> !ids.isEmpty())
        .map(
            ids ->
                ids.stream()
                    .map(id -> agencies.find(id).map(a -> a.code()).orElse(null))
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet()))
        .orElse(null);
  }
}
