package org.gongkai.monitor.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A finding's message in the reader's language: stored as its rule and arguments, rendered when
 * read. Rows written before arguments were kept show the text of their run.
 */
final class FindingText {

  private static final String SEPARATOR = "\u001f";

  private FindingText() {}

  static String render(
      MessageSource messages, String rule, List<String> args, String stored, Locale locale) {
    if (args == null) {
      return stored;
    }
    return messages.getMessage(
        "monitor.rule." + rule + ".message",
        args.toArray(),
        stored == null ? rule : stored,
        locale);
  }

  static String encode(List<String> args) {
    return args == null ? null : String.join(SEPARATOR, args);
  }

  /** The arguments kept with a finding, or null for a row written before they were. */
  static List<String> decode(String column) {
    return column == null
        ? null
        : column.isEmpty() ? List.of() : Arrays.asList(column.split(SEPARATOR, -1));
  }
}
