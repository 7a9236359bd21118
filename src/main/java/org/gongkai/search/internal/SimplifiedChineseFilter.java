package org.gongkai.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds traditional characters to simplified ones (繁简), at index and query time alike, so that 營商環境
 * finds 营商环境. The table is ICU's Traditional-Simplified transform applied to each character of the
 * CJK blocks, kept as a resource ({@value #TABLE_RESOURCE}) so that ICU's 14 MB are needed only by
 * the test that writes and checks it: a lookup per character instead of a transliteration per token
 * keeps indexing fast.
 */
final class SimplifiedChineseFilter extends TokenFilter {

  static final String TABLE_RESOURCE = "/search/traditional-simplified.txt";
  static final char FIRST = '\u3400';
  static final char LAST = '\u9fff';
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

  /** The table's resource: lines of a traditional character followed by its simplified form. */
  private static char[] table() {
    char[] table = new char[LAST - FIRST + 1];
    try (InputStream in = SimplifiedChineseFilter.class.getResourceAsStream(TABLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(TABLE_RESOURCE + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        char traditional = line.charAt(0);
        if (line.length() != 2 || traditional < FIRST || traditional > LAST) {
          throw new IllegalStateException(
              TABLE_RESOURCE + ": not a pair of CJK characters: " + line);
        }
        table[traditional - FIRST] = line.charAt(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}
