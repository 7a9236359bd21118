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
    List<String> lowerTerms = lowerCase(terms);
    return mark(text, lowered(text, lowerTerms), lowerTerms, 0, text.length());
  }

  /**
   * The text as the terms are matched in: lower-cased, unless no term has a letter with a case (the
   * Chinese words nearly every query is made of), when lower-casing could not make a term match
   * where it did not already, and the text of a few thousand characters is not read twice.
   */
  private static String lowered(String text, List<String> lowerTerms) {
    for (String term : lowerTerms) {
      for (int i = 0; i < term.length(); i++) {
        char c = term.charAt(i);
        if (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c) {
          return text.toLowerCase(Locale.ROOT);
        }
      }
    }
    return text;
  }

  static String snippet(String body, String summary, List<String> terms) {
    String text = body == null || body.isBlank() ? (summary == null ? "" : summary) : body;
    List<String> lowerTerms = lowerCase(terms);
    String lower = lowered(text, lowerTerms);
    int first = firstMatch(lower, lowerTerms);
    if (first < 0) {
      String alt = summary != null && !summary.isBlank() ? summary : text;
      int end = Math.min(alt.length(), WINDOW);
      return HtmlUtils.htmlEscape(alt.substring(0, end)) + (end < alt.length() ? "…" : "");
    }
    int start = Math.max(0, first - WINDOW / 3);
    int end = Math.min(text.length(), start + WINDOW);
    return (start > 0 ? "…" : "")
        + mark(text, lower, lowerTerms, start, end)
        + (end < text.length() ? "…" : "");
  }

  private static List<String> lowerCase(List<String> terms) {
    return terms.stream().map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
  }

  private static int firstMatch(String lower, List<String> lowerTerms) {
    int best = -1;
    for (String term : lowerTerms) {
      int at = lower.indexOf(term);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  /**
   * {@code text} from {@code start} to {@code end}, escaped, each longest match marked; unmarked
   * runs are escaped whole.
   */
  private static String mark(
      String text, String lower, List<String> lowerTerms, int start, int end) {
    StringBuilder out = new StringBuilder((end - start) + 32);
    int plainFrom = start;
    int i = start;
    while (i < end) {
      int matchLength = 0;
      for (String t : lowerTerms) {
        if (t.length() > matchLength && lower.startsWith(t, i)) {
          matchLength = t.length();
        }
      }
      if (matchLength > 0) {
        out.append(HtmlUtils.htmlEscape(text.substring(plainFrom, i)));
        int stop = Math.min(end, i + matchLength);
        out.append("<mark>")
            .append(HtmlUtils.htmlEscape(text.substring(i, stop)))
            .append("</mark>");
        i = stop;
        plainFrom = stop;
      } else {
        i++;
      }
    }
    out.append(HtmlUtils.htmlEscape(text.substring(plainFrom, end)));
    return out.toString();
  }
}
