package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The public's query syntax: words, "quoted phrases" (ASCII or Chinese quotation marks), and
 * -exclusions. Anything else is text. It never fails: unbalanced quotes close at the end, a lone
 * minus is ignored, and overlong input is cut.
 */
record PublicQuery(List<Clause> clauses, String raw) {

  static final int MAX_LENGTH = 200;
  static final int MAX_CLAUSES = 20;

  record Clause(String text, boolean phrase, boolean excluded) {}

  static PublicQuery parse(String input) {
    String raw = input == null ? "" : input.strip();
    if (raw.length() > MAX_LENGTH) {
      raw = raw.substring(0, MAX_LENGTH);
    }
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    int n = raw.length();
    while (i < n && clauses.size() < MAX_CLAUSES) {
      char c = raw.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      boolean excluded = false;
      if ((c == '-' || c == '－') && i + 1 < n && !isSpace(raw.charAt(i + 1))) {
        excluded = true;
        i++;
        c = raw.charAt(i);
      }
      if (isOpenQuote(c)) {
        int end = i + 1;
        while (end < n && !isCloseQuote(raw.charAt(end))) {
          end++;
        }
        String text = raw.substring(i + 1, end).strip();
        if (!text.isEmpty()) {
          clauses.add(new Clause(text, true, excluded));
        }
        i = end + 1;
      } else {
        int end = i;
        while (end < n && !isSpace(raw.charAt(end))) {
          end++;
        }
        String text = raw.substring(i, end);
        if (!text.isEmpty() && !(text.equals("-") || text.equals("－"))) {
          clauses.add(new Clause(text, false, excluded));
        }
        i = end;
      }
    }
    return new PublicQuery(List.copyOf(clauses), raw);
  }

  boolean isEmpty() {
    return clauses.stream().allMatch(Clause::excluded);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || Character.isSpaceChar(c);
  }

  private static boolean isOpenQuote(char c) {
    return c == '"' || c == '“' || c == '「' || c == '＂';
  }

  private static boolean isCloseQuote(char c) {
    return c == '"' || c == '”' || c == '」' || c == '＂';
  }
}
