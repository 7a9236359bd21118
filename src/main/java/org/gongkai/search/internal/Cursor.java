package org.gongkai.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;

/** search-after position, opaque to callers: sort value and document id. */
final class Cursor {
  private Cursor() {}

  static String forPage(int page) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("p" + page).getBytes(StandardCharsets.UTF_8));
  }

  /** The page a relevance cursor names, or 1. */
  static int page(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 1;
    }
    try {
      String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return value.startsWith("p") ? Math.max(1, Integer.parseInt(value.substring(1))) : 1;
    } catch (IllegalArgumentException e) {
      return 1;
    }
  }

  static String encode(FieldDoc last, boolean byDate) {
    String value =
        byDate
            ? "d" + last.fields[0] + ":" + last.fields[1] + ":" + last.doc
            : "r"
                + Float.floatToIntBits((Float) last.fields[0])
                + ":"
                + last.fields[1]
                + ":"
                + last.doc;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  static FieldDoc decode(String cursor, boolean byDate) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = value.substring(1).split(":");
      if (parts.length != 3 || (value.charAt(0) == 'd') != byDate) {
        return null;
      }
      int doc = Integer.parseInt(parts[2]);
      if (byDate) {
        return new FieldDoc(
            doc, Float.NaN, new Object[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
      }
      float score = Float.intBitsToFloat(Integer.parseInt(parts[0]));
      return new FieldDoc(doc, score, new Object[] {score, Long.parseLong(parts[1])});
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
