package org.gongkai.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;

/**
 * The part of the S3 protocol the platform's object store uses (put, get, head and delete an
 * object; list a prefix), path-style, in memory, for tests on a machine without an object store. It
 * does not check signatures; it decodes the signed chunks the AWS SDK may send.
 */
public final class FakeObjectStore implements AutoCloseable {

  private record StoredObject(byte[] bytes, Instant lastModified) {}

  private final HttpServer server;
  private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();

  public FakeObjectStore() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Keys ("bucket/key") of the objects held. */
  public Set<String> keys() {
    return objects.keySet();
  }

  /** Moves an object's time back, as if it had been written then. */
  public void backdate(String bucketAndKey, Instant when) {
    objects.computeIfPresent(bucketAndKey, (k, o) -> new StoredObject(o.bytes(), when));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path =
          URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8)
              .substring(1);
      String query = exchange.getRequestURI().getRawQuery();
      switch (exchange.getRequestMethod()) {
        case "PUT" -> {
          byte[] body = body(exchange);
          objects.put(path, new StoredObject(body, Instant.now()));
          exchange.getResponseHeaders().add("ETag", etag(body));
          exchange.sendResponseHeaders(200, -1);
        }
        case "GET" -> {
          if (query != null && query.contains("list-type=2")) {
            list(exchange, path, query);
            return;
          }
          StoredObject o = objects.get(path);
          if (o == null) {
            notFound(exchange, true);
            return;
          }
          headers(exchange, o);
          exchange.sendResponseHeaders(200, o.bytes().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(o.bytes());
          }
        }
        case "HEAD" -> {
          StoredObject o = objects.get(path);
          if (o == null) {
            notFound(exchange, false);
            return;
          }
          headers(exchange, o);
          exchange.getResponseHeaders().add("Content-Length", Integer.toString(o.bytes().length));
          exchange.sendResponseHeaders(200, -1);
        }
        case "DELETE" -> {
          objects.remove(path);
          exchange.sendResponseHeaders(204, -1);
        }
        default -> exchange.sendResponseHeaders(405, -1);
      }
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    boolean chunked =
        (sha != null && sha.startsWith("STREAMING-"))
            || (encoding != null && encoding.contains("aws-chunked"));
    return chunked ? dechunk(raw) : raw;
  }

  /**
   * aws-chunked: {@code <hex size>[;chunk-signature=…]\r\n<bytes>\r\n}, until a chunk of size 0.
   */
  private static byte[] dechunk(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length) {
      int lineEnd = indexOfCrlf(raw, i);
      String header = new String(raw, i, lineEnd - i, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(header.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(raw, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] raw, int from) {
    for (int i = from; i < raw.length - 1; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n') {
        return i;
      }
    }
    return raw.length;
  }

  private void list(HttpExchange exchange, String bucket, String query) throws IOException {
    String prefix = "";
    for (String pair : query.split("&")) {
      if (pair.startsWith("prefix=")) {
        prefix = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
      }
    }
    String start = bucket + "/" + prefix;
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>"
                + bucket
                + "</Name><Prefix>"
                + prefix
                + "</Prefix><IsTruncated>false</IsTruncated>");
    int count = 0;
    for (var e : objects.entrySet()) {
      if (e.getKey().startsWith(start)) {
        count++;
        xml.append("<Contents><Key>")
            .append(e.getKey().substring(bucket.length() + 1))
            .append("</Key><LastModified>")
            .append(DateTimeFormatter.ISO_INSTANT.format(e.getValue().lastModified()))
            .append("</LastModified><ETag>")
            .append(etag(e.getValue().bytes()).replace("\"", "&quot;"))
            .append("</ETag><Size>")
            .append(e.getValue().bytes().length)
            .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
      }
    }
    xml.append("<KeyCount>").append(count).append("</KeyCount></ListBucketResult>");
    byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void headers(HttpExchange exchange, StoredObject o) {
    exchange.getResponseHeaders().add("ETag", etag(o.bytes()));
    exchange
        .getResponseHeaders()
        .add(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(o.lastModified().atOffset(ZoneOffset.UTC)));
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
  }

  private static void notFound(HttpExchange exchange, boolean body) throws IOException {
    if (!body) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    byte[] xml =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message></Error>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.sendResponseHeaders(404, xml.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(xml);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
