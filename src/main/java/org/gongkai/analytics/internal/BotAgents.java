package org.gongkai.analytics.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Known bots by their user agent: crawlers, link checkers, command-line and library clients, and
 * the platform's own monitor and webhooks ({@code Gongkai-…}). A request with no user agent is no
 * browser either. Answers are remembered per user agent (a bounded map), so a visitor's request
 * costs one lookup.
 */
final class BotAgents {

  static final List<String> TOKENS =
      List.of(
          "bot",
          "crawl",
          "spider",
          "slurp",
          "archiver",
          "facebookexternalhit",
          "mediapartners",
          "bingpreview",
          "headless",
          "lighthouse",
          "pingdom",
          "uptime",
          "monitor",
          "check",
          "scan",
          "curl",
          "wget",
          "httpclient",
          "http-client",
          "okhttp",
          "python",
          "java/",
          "go-http",
          "libwww",
          "axios",
          "node-fetch",
          "apachebench",
          "gongkai-");

  private static final int REMEMBERED = 10_000;

  private final ConcurrentHashMap<String, Boolean> known = new ConcurrentHashMap<>();

  boolean isBot(String agent) {
    if (agent == null || agent.isBlank()) {
      return true;
    }
    Boolean bot = known.get(agent);
    if (bot == null) {
      bot = matches(agent);
      if (known.size() >= REMEMBERED) {
        known.clear();
      }
      known.put(agent, bot);
    }
    return bot;
  }

  static boolean matches(String agent) {
    String lower = agent.toLowerCase(Locale.ROOT);
    for (String token : TOKENS) {
      if (lower.contains(token)) {
        return true;
      }
    }
    return false;
  }
}
