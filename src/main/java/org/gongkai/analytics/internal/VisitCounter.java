package org.gongkai.analytics.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.gongkai.analytics.Visits;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Counts on the request path, in memory: the view goes to the day's tally of its site, the
 * visitor's salted hash into the site's sketch. The address is read only to be hashed, never kept
 * or logged. The tally is swapped out by {@link VisitWriter} and written in the background.
 */
@Component
class VisitCounter implements Visits {

  static final int MAX_QUERY = 20;
  private static final int MAX_PAGE = 300;

  private final DaySalts salts;
  private final Clock clock;
  private final AnalyticsProperties settings;
  private final BotAgents bots = new BotAgents();
  private final AtomicReference<Tally> current = new AtomicReference<>();
  private final List<Tally> retired = new ArrayList<>();

  VisitCounter(DaySalts salts, Clock clock, AnalyticsProperties settings) {
    this.salts = salts;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public void pageServed(long siteId, HttpServletRequest request, int status) {
    if (!settings.enabled() || (status != 200 && status != 304)) {
      return;
    }
    String page = page(request);
    if (page == null) {
      return;
    }
    String agent = request.getHeader(HttpHeaders.USER_AGENT);
    if (bots.isBot(agent)) {
      return;
    }
    Tally tally = tally();
    if (tally == null) {
      return;
    }
    String address = request.getRemoteAddr();
    long hash =
        SipHash.hash(
            tally.salt.k0(), tally.salt.k1(), siteId, address == null ? "" : address, agent);
    tally.site(siteId).view(page, hash);
  }

  @Override
  public void searchFoundNothing(long siteId, String query) {
    if (!settings.enabled() || query == null) {
      return;
    }
    String q = query.strip().replaceAll("\\s+", " ");
    if (q.isEmpty() || q.length() > MAX_QUERY || q.chars().filter(Character::isDigit).count() > 4) {
      // A long query or one with a number is more likely to carry a name, a telephone or an id.
      return;
    }
    Tally tally = tally();
    if (tally != null) {
      tally.site(siteId).miss(q);
    }
  }

  /**
   * The page a view counts for: the path, and for an agency's catalog its column; null for what is
   * not a page (the API, feeds, sitemaps, files).
   */
  static String page(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!"GET".equals(request.getMethod())
        || path.startsWith("/api/")
        || path.endsWith(".xml")
        || path.endsWith(".txt")
        || path.endsWith(".json")
        || path.endsWith(".atom")
        || path.endsWith("/feed")
        || path.contains("/attachments/")
        || path.length() > MAX_PAGE) {
      return null;
    }
    if (path.startsWith("/agencies/")) {
      String query = request.getQueryString();
      if (query != null) {
        int at = query.indexOf("column=");
        if (at == 0 || (at > 0 && query.charAt(at - 1) == '&')) {
          int end = at + 7;
          while (end < query.length() && Character.isDigit(query.charAt(end))) {
            end++;
          }
          if (end > at + 7) {
            return path + "?column=" + query.substring(at + 7, end);
          }
        }
      }
    }
    return path;
  }

  private Tally tally() {
    Tally tally = current.get();
    if (tally == null || clock.millis() >= tally.endsAtMillis) {
      return roll(tally);
    }
    return tally;
  }

  /**
   * A new day (or the first request): the day's tally with the day's salt, read from the database
   * once a day at most (tomorrow's is read ahead by {@link DaySalts#refresh()}). Null, and nothing
   * counted, when the salt cannot be had: a page is never refused for counting.
   */
  private synchronized Tally roll(Tally seen) {
    Tally now = current.get();
    if (now != seen && now != null && clock.millis() < now.endsAtMillis) {
      return now;
    }
    Tally fresh;
    try {
      fresh = fresh(LocalDate.now(clock));
    } catch (RuntimeException unavailable) {
      return null;
    }
    retire(current.getAndSet(fresh));
    return fresh;
  }

  private Tally fresh(LocalDate day) {
    long endsAt = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
    return new Tally(salts.of(day), endsAt, settings.lgK(), settings.maxPages());
  }

  /**
   * Swaps the current tally for an empty one of the same day and returns those retired so far,
   * taking them out: a request that took the old tally just before the swap finishes counting
   * within microseconds, so the writer waits a moment before reading them.
   */
  synchronized List<Tally> takeRetired() {
    Tally now = current.get();
    if (now != null && !now.isEmpty()) {
      Tally fresh =
          clock.millis() < now.endsAtMillis
              ? new Tally(now.salt, now.endsAtMillis, settings.lgK(), settings.maxPages())
              : fresh(LocalDate.now(clock));
      retire(current.getAndSet(fresh));
    }
    List<Tally> taken = List.copyOf(retired);
    retired.clear();
    return taken;
  }

  private void retire(Tally tally) {
    if (tally != null && !tally.isEmpty()) {
      tally.retiredAtNanos = System.nanoTime();
      retired.add(tally);
    }
  }
}
