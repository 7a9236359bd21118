package org.gongkai.search.internal;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds traditional characters to simplified ones (繁简), at index and query time alike, so that 營商環境
 * finds 营商环境. The table is ICU's Traditional-Simplified transform, applied once per character of
 * the CJK blocks when the class loads: a lookup per character instead of a transliteration per
 * token keeps indexing as fast as before.
 */
final class SimplifiedChineseFilter extends TokenFilter {

  private static final char FIRST = '\u3400';
  private static final char LAST = '\u9fff';
  private static final char[] TABLE = table();

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  SimplifiedChineseFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      char c = buffer[i];
      if (c >= FIRST && c <= LAST) {
        char simplified = TABLE[c - FIRST];
        if (simplified != 0) {
          buffer[i] = simplified;
        }
      }
    }
    return true;
  }

  /** The simplified form of a single character, or the character itself. */
  static char simplified(char c) {
    return c >= FIRST && c <= LAST && TABLE[c - FIRST] != 0 ? TABLE[c - FIRST] : c;
  }

  private static char[] table() {
    Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
    char[] table = new char[LAST - FIRST + 1];
    for (char c = FIRST; c <= LAST; c++) {
      String out = transform.transliterate(String.valueOf(c));
      if (out.length() == 1 && out.charAt(0) != c) {
        table[c - FIRST] = out.charAt(0);
      }
      if (c == LAST) {
        break;
      }
    }
    return table;
  }
}
