package org.gongkai.search.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The exact form of a document or index number for matching: full-width and half-width forms fold
 * together (NFKC), and the brackets people type for the year, 〔〕 [] () （） 【】 ［］ 〈〉, are all one
 * bracket, so that 蚌政办〔2012〕12号 = 蚌政办[2012]12号 = 蚌政办(2012)12号.
 */
final class DocNumbers {

  private DocNumbers() {}

  static String normalize(String s) {
    if (s == null) {
      return "";
    }
    String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      switch (c) {
        case '〔', '[', '(', '【', '〈', '<', '{', '《' -> out.append('[');
        case '〕', ']', ')', '】', '〉', '>', '}', '》' -> out.append(']');
        default -> {
          if (!Character.isWhitespace(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
