package org.gongkai.portal.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import org.gongkai.shared.site.PageCacheProperties;
import org.springframework.stereotype.Component;

/**
 * Rendered public pages and static files, bounded by their bytes. A page is kept with the public
 * site's version it was rendered at and is not served once the version has moved or its time is up.
 */
@Component
class RenderedPages {

  /** Static files do not depend on the site's version. */
  static final long ANY_VERSION = -1;

  /** A response as it went out, without its cookies and date. */
  record Page(
      long version,
      long expiresAtNanos,
      int status,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String etag,
      String cacheControl) {

    boolean usableAt(long siteVersion, long nanos) {
      return (version == ANY_VERSION || version == siteVersion) && nanos - expiresAtNanos < 0;
    }
  }

  private final Cache<String, Page> pages;
  private final long maxEntryBytes;

  RenderedPages(PageCacheProperties settings) {
    this.maxEntryBytes = settings.maxEntrySize().toBytes();
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(settings.maxSize().toBytes())
            .weigher((String key, Page page) -> key.length() * 2 + page.body().length + 512)
            .build();
  }

  Page get(String key) {
    return pages.getIfPresent(key);
  }

  void put(String key, Page page) {
    if (page.body().length <= maxEntryBytes) {
      pages.put(key, page);
    }
  }

  void clear() {
    pages.invalidateAll();
  }

  long size() {
    return pages.estimatedSize();
  }
}
