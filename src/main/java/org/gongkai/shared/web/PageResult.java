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

  public static int clampPage(Integer page) {
    return page == null || page < 1 ? 1 : Math.min(page, 1_000_000);
  }
}
