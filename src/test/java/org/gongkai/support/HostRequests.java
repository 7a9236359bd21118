package org.gongkai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * GET requests with the Host header a browser sends for a site's host name, over a plain socket
 * (the JDK's HTTP clients refuse to set Host), answered whole: status line, headers and body.
 */
public final class HostRequests {

  private HostRequests() {}

  public static String get(int port, String path, String host) {
    return get(port, path, host, "");
  }

  /** As a browser asks for a page: accepting HTML. */
  public static String page(int port, String path, String host) {
    return get(port, path, host, "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n");
  }

  private static String get(int port, String path, String host, String headers) {
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
                      + "\r\n"
                      + headers
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
