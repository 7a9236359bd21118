package org.gongkai.webarchive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One address asked of this node over a plain socket, the request and the response kept byte for
 * byte as they crossed the wire: a WARC holds what was sent and what came back, status line and
 * headers in the server's own order and spelling, which an HTTP client library would not give.
 *
 * <p>The request is HTTP/1.0 with {@code Connection: close}, as Heritrix and jwarc ask: the server
 * answers with its HTTP/1.1 status line and sends the body whole until it closes the connection,
 * never chunked, so that the payload and its digest are the entity's bytes without ambiguity.
 */
final class HttpCapture {

  static final String USER_AGENT = "Gongkai-WebArchive/1.0";

  /** One exchange as recorded; {@code headerLength} is where the response's body starts. */
  record Exchange(
      String address,
      Instant date,
      InetAddress ip,
      byte[] request,
      byte[] response,
      int status,
      String contentType,
      int headerLength) {

    byte[] payload() {
      return java.util.Arrays.copyOfRange(response, headerLength, response.length);
    }

    int payloadLength() {
      return response.length - headerLength;
    }
  }

  private final int port;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final long maxBytes;

  HttpCapture(int port, Map<String, String> headers, Duration timeout, long maxBytes) {
    this.port = port;
    this.headers = headers;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  Exchange fetch(String address, Instant date) throws IOException {
    StringBuilder request = new StringBuilder();
    request.append("GET ").append(address).append(" HTTP/1.0\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("User-Agent: ").append(USER_AGENT).append("\r\n");
    request.append("Accept: */*\r\n");
    request.append("Connection: close\r\n\r\n");
    byte[] sent = request.toString().getBytes(StandardCharsets.UTF_8);
    InetAddress ip = InetAddress.getLoopbackAddress();
    byte[] received;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ip, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(sent);
      out.flush();
      received = readAll(socket.getInputStream());
    }
    int end = headerEnd(received);
    if (end < 0) {
      throw new IOException("no complete response header for " + address);
    }
    String head = new String(received, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response for " + address + ": " + lines[0]);
    }
    int status = Integer.parseInt(statusLine[1]);
    String type = null;
    long length = -1;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("content-type")) {
        type = value;
      } else if (name.equals("content-length")) {
        length = Long.parseLong(value);
      }
    }
    if (length >= 0 && received.length - end != length) {
      throw new IOException(
          address + " came back with " + (received.length - end) + " of " + length + " bytes");
    }
    return new Exchange(address, date, ip, sent, received, status, type, end);
  }

  private byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
      if (out.size() > maxBytes) {
        throw new IOException("larger than " + maxBytes + " bytes");
      }
    }
    return out.toByteArray();
  }

  private static int headerEnd(byte[] bytes) {
    for (int i = 3; i < bytes.length; i++) {
      if (bytes[i] == '\n'
          && bytes[i - 1] == '\r'
          && bytes[i - 2] == '\n'
          && bytes[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }
}
