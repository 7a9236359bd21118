package org.gongkai.imports.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A site's robots.txt as the crawl obeys it (RFC 9309): the group for our user agent, else the one
 * for {@code *}; the longest matching Allow or Disallow rule decides, Allow on a tie; {@code *} and
 * a closing {@code $} in a rule as the RFC has them. No file (or an unreadable one) allows all.
 */
final class Robots {

  static final Robots ALLOW_ALL = new Robots(List.of());

  private record Rule(boolean allow, String pattern) {}

  private final List<Rule> rules;

  private Robots(List<Rule> rules) {
    this.rules = rules;
  }

  static Robots parse(byte[] content, String userAgent) {
    String agent = userAgent.toLowerCase(Locale.ROOT);
    List<Rule> ours = new ArrayList<>();
    List<Rule> anyone = new ArrayList<>();
    boolean oursFound = false;
    List<String> groupAgents = new ArrayList<>();
    List<Rule> group = new ArrayList<>();
    boolean inRules = false;
    String text = new String(content, StandardCharsets.UTF_8);
    for (String raw : (text + "\nuser-agent: \u0000end").split("\\r?\\n|\\r")) {
      String line = raw.replaceAll("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (field.equals("user-agent")) {
        if (inRules) {
          for (String a : groupAgents) {
            if (!a.equals("*") && agent.contains(a)) {
              ours.addAll(group);
              oursFound = true;
            } else if (a.equals("*")) {
              anyone.addAll(group);
            }
          }
          groupAgents = new ArrayList<>();
          group = new ArrayList<>();
          inRules = false;
        }
        groupAgents.add(value.toLowerCase(Locale.ROOT));
      } else if (field.equals("allow") || field.equals("disallow")) {
        inRules = true;
        if (!value.isEmpty()) {
          group.add(new Rule(field.equals("allow"), value));
        }
      }
    }
    return new Robots(oursFound ? ours : anyone);
  }

  /** Whether the path (with its query) may be fetched. */
  boolean allows(String pathAndQuery) {
    Rule best = null;
    for (Rule rule : rules) {
      if (matches(rule.pattern(), pathAndQuery)
          && (best == null
              || rule.pattern().length() > best.pattern().length()
              || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
        best = rule;
      }
    }
    return best == null || best.allow();
  }

  private static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    StringBuilder regex = new StringBuilder();
    for (String part : body.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(java.util.regex.Pattern.quote(part));
    }
    regex.append(anchored ? "" : ".*");
    return path.matches(regex.toString());
  }
}
