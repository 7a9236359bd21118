package org.gongkai.search.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks the query's words in titles and snippets. The bigram index matches whole substrings, so
 * marking the substrings themselves shows exactly why a document matched, without the ragged
 * overlapping bigram marks a token highlighter gives Chinese text. Output is escaped HTML with
 * {@code <mark>} around matches.
 */
final class Snippets {

  private static final int WINDOW = 120;

  private Snippets() {}

  static String highlight(String text, List<String> terms) {
    if (text == null) {
      return "";
    }
    return mark(text, terms, 0, text.length());
  }

  static String snippet(String body, String summary, List<String> terms) {
    String text = body == null || body.isBlank() ? (summary == null ? "" : summary) : body;
    int first = firstMatch(text, terms);
    if (first < 0) {
      String alt = summary != null && !summary.isBlank() ? summary : text;
      int end = Math.min(alt.length(), WINDOW);
      return HtmlUtils.htmlEscape(alt.substring(0, end)) + (end < alt.length() ? "…" : "");
    }
    int start = Math.max(0, first - WINDOW / 3);
    int end = Math.min(text.length(), start + WINDOW);
    return (start > 0 ? "…" : "") + mark(text, terms, start, end) + (end < text.length() ? "…" : "");
  }

  private static int firstMatch(String text, List<String> terms) {
    String lower = text.toLowerCase(Locale.ROOT);
    int best = -1;
    for (String term : terms) {
      int at = lower.indexOf(term.toLowerCase(Locale.ROOT));
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  private static String mark(String text, List<String> terms, int start, int end) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    int i = start;
    while (i < end) {
      int matchLength = 0;
      for (String term : terms) {
        String t = term.toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && lower.startsWith(t, i) && t.length() > matchLength) {
          matchLength = t.length();
        }
      }
      if (matchLength > 0) {
        int stop = Math.min(end, i + matchLength);
        out.append("<mark>").append(HtmlUtils.htmlEscape(text.substring(i, stop))).append("</mark>");
        i = stop;
      } else {
        out.append(HtmlUtils.htmlEscape(String.valueOf(text.charAt(i))));
        i++;
      }
    }
    return out.toString();
  }
}
