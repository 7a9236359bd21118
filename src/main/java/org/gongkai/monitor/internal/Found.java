package org.gongkai.monitor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The findings of one assessment as the rules make them: each with its message in the language
 * asked for and its arguments kept for later readers; a rule switched off ({@code
 * gongkai.monitor.disabled-rules}) finds nothing.
 */
final class Found {

  private final List<Inspector.Finding> findings = new ArrayList<>();
  private final MonitorProperties settings;
  private final MessageSource messages;
  private final Locale locale;

  Found(MonitorProperties settings, MessageSource messages, Locale locale) {
    this.settings = settings;
    this.messages = messages;
    this.locale = locale;
  }

  Locale locale() {
    return locale;
  }

  void add(Rule rule, String target, String link, Object... args) {
    if (settings.disabledRules().contains(rule)) {
      return;
    }
    List<String> shown =
        Arrays.stream(args)
            .map(a -> a instanceof Number n ? String.valueOf(n) : String.valueOf(a))
            .toList();
    findings.add(
        new Inspector.Finding(
            rule,
            rule.item().name(),
            rule.veto() ? "VETO" : "DEDUCTION",
            target,
            FindingText.render(messages, rule.name(), shown, null, locale),
            link,
            shown));
  }

  List<Inspector.Finding> all() {
    return List.copyOf(findings);
  }
}
