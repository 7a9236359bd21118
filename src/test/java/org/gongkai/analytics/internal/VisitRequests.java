package org.gongkai.analytics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Visitors' page requests to a site's host through the loopback proxy, each with its own forwarded
 * address and user agent (the JDK's HTTP clients refuse to set Host, so over a plain socket).
 */
final class VisitRequests {

  static final String BROWSER =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/120.0 Safari/537.36";

  private final int port;
  private final String host;

  VisitRequests(int port, String host) {
    this.port = port;
    this.host = host;
  }

  /** The status of a GET of {@code path} by the visitor at {@code address} with {@code agent}. */
  int get(String path, String address, String agent) {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + host
                      + ":"
                      + port
                      + "\r\nX-Forwarded-For: "
                      + address
                      + "\r\nUser-Agent: "
                      + agent
                      + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(answer.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} views spread over {@code addresses} visitors and {@code pages} in turn. */
  void views(int n, List<String> addresses, List<String> pages) {
    for (int i = 0; i < n; i++) {
      String page = pages.get(i % pages.size());
      int status = get(page, addresses.get(i % addresses.size()), BROWSER);
      if (status != 200) {
        throw new IllegalStateException(page + " answered " + status);
      }
    }
  }
}
