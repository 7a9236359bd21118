package org.gongkai.assessment.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What an indicator's points rest on: a message (its key and arguments, rendered in the reader's
 * language) and the records counted, each one click away. Stored with a final result as it was.
 */
record Evidence(String key, List<String> args, List<Link> links) {

  private static final String UNIT = "\u001f";
  private static final String RECORD = "\u001e";

  /** How many records an evidence names at most; the message gives the full count. */
  static final int MAX_LINKS = 50;

  record Link(String label, String href) {}

  static Evidence of(String key, List<Link> links, Object... args) {
    return new Evidence(
        key,
        Arrays.stream(args).map(String::valueOf).toList(),
        links.size() > MAX_LINKS ? List.copyOf(links.subList(0, MAX_LINKS)) : List.copyOf(links));
  }

  String render(MessageSource messages, Locale locale) {
    return messages.getMessage(key, args.toArray(), key, locale);
  }

  String encodeMessage() {
    List<String> parts = new ArrayList<>();
    parts.add(key);
    parts.addAll(args);
    return String.join(UNIT, parts);
  }

  String encodeLinks() {
    return String.join(RECORD, links.stream().map(l -> l.label() + UNIT + l.href()).toList());
  }

  static Evidence decode(String message, String links) {
    List<String> parts = Arrays.asList(message.split(UNIT, -1));
    List<Link> decoded = new ArrayList<>();
    if (links != null && !links.isEmpty()) {
      for (String l : links.split(RECORD, -1)) {
        String[] p = l.split(UNIT, 2);
        decoded.add(new Link(p[0], p.length > 1 ? p[1] : ""));
      }
    }
    return new Evidence(parts.get(0), parts.subList(1, parts.size()), decoded);
  }
}
