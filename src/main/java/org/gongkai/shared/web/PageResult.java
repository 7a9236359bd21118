package org.gongkai.shared.web;

import java.util.List;

/** One page of a list, with the total for pagination. Pages count from 1. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

  public int totalPages() {
    return size <= 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < totalPages();
  }

  public static int clampSize(Integer size, int defaultSize, int max) {
    if (size == null || size < 1) {
      return defaultSize;
    }
    return Math.min(size, max);
  }

  /**
   * How deep a list may be paged: ten thousand results, as far as a person reads. Deeper pages
   * would make the database count past every row before them; the search API's cursor goes on.
   */
  public static final int MAX_DEPTH = 10_000;

  /**
   * The page asked for (1 when none), refused with a clear message when it starts beyond {@link
   * #MAX_DEPTH}.
   */
  public static int page(Integer page, int size) {
    int p = page == null || page < 1 ? 1 : page;
    if ((long) (p - 1) * size >= MAX_DEPTH) {
      throw Refusal.invalidField("page", "page.too-deep", String.valueOf(MAX_DEPTH / size));
    }
    return p;
  }
}
