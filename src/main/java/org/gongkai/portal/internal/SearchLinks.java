package org.gongkai.portal.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the search page that change one parameter and keep the rest, so facets work without
 * JavaScript.
 */
public final class SearchLinks {

  private final Map<String, String> params;

  SearchLinks(Map<String, String> params) {
    this.params = new LinkedHashMap<>(params);
    this.params.values().removeIf(v -> v == null || v.isBlank());
  }

  public String with(String name, Object value) {
    Map<String, String> next = new LinkedHashMap<>(params);
    next.put(name, String.valueOf(value));
    if (!name.equals("page")) {
      next.remove("page");
    }
    return build(next);
  }

  public String without(String name) {
    Map<String, String> next = new LinkedHashMap<>(params);
    next.remove(name);
    next.remove("page");
    return build(next);
  }

  public String get(String name) {
    return params.get(name);
  }

  public boolean has(String name) {
    return params.containsKey(name);
  }

  /** The Atom feed of this search and its filters: no page and no order, a feed is newest first. */
  public String feed() {
    Map<String, String> next = new LinkedHashMap<>(params);
    next.remove("page");
    next.remove("sort");
    return build("/search/feed", next);
  }

  private static String build(Map<String, String> params) {
    return build("/search", params);
  }

  private static String build(String path, Map<String, String> params) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    params.forEach(b::queryParam);
    return b.encode().build().toUriString();
  }
}
