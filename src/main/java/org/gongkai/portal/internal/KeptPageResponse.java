package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/** Writing a kept page back out, and the ETag arithmetic it shares with the first rendering. */
final class KeptPageResponse {

  /** Headers that belong to one response only, or that the cache sets itself. */
  private static final Set<String> NOT_REPLAYED =
      Set.of(
          "set-cookie",
          "content-length",
          "date",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "etag",
          "cache-control",
          "pragma",
          "expires");

  private KeptPageResponse() {}

  static void write(
      RenderedPages.Page page,
      HttpServletRequest request,
      HttpServletResponse response,
      boolean withBody)
      throws IOException {
    response.setHeader(HttpHeaders.ETAG, page.etag());
    response.setHeader(HttpHeaders.CACHE_CONTROL, page.cacheControl());
    if (notModified(request, page.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(page.status());
    for (Map.Entry<String, String> header : page.headers()) {
      response.addHeader(header.getKey(), header.getValue());
    }
    response.setContentLength(page.body().length);
    if (withBody) {
      response.getOutputStream().write(page.body());
    }
  }

  static List<Map.Entry<String, String>> replayedHeaders(HttpServletResponse response) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String name : response.getHeaderNames()) {
      if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : response.getHeaders(name)) {
          headers.add(Map.entry(name, value));
        }
      }
    }
    if (response.getContentType() != null
        && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("content-type"))) {
      headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getContentType()));
    }
    return List.copyOf(headers);
  }

  /** A strong validator: the first 128 bits of the body's SHA-256. */
  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean notModified(HttpServletRequest request, String etag) {
    String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")
          || tag.equals(etag)
          || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
        return true;
      }
    }
    return false;
  }
}
