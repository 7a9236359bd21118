package org.gongkai.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A small closed-loop HTTP/1.1 load generator for the benchmark harnesses: each connection is a
 * thread on a keep-alive socket that sends a request, reads the whole response and sends the next.
 * Cheap enough per request that on a two-core machine the server, not the generator, is what is
 * measured.
 */
public final class HttpLoad {

  /** Makes the raw bytes of the next request of one connection. */
  @FunctionalInterface
  public interface Requests {
    byte[] next(int connection, long sequence);
  }

  /** What one run measured; latencies in milliseconds. */
  public record Result(
      long ok,
      long failed,
      double seconds,
      double perSecond,
      double p50,
      double p99,
      double max,
      Map<Integer, Long> statuses) {
    @Override
    public String toString() {
      return String.format(
          "%,.0f requests/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms (%d ok, %d failed, statuses %s)",
          perSecond, p50, p99, max, ok, failed, statuses);
    }
  }

  private HttpLoad() {}

  /**
   * A browser's user agent: the platform counts a page view only for what does not look like a bot,
   * so a load that sends it pays for the counting as visitors' requests do.
   */
  public static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0"
          + " Safari/537.36";

  public static byte[] get(String host, String path) {
    return ("GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nUser-Agent: "
            + BROWSER
            + "\r\nAccept: */*\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] postJson(
      String host, String path, String json, Map<String, String> headers) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("POST ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(
                "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /**
   * Runs {@code connections} clients for {@code duration}; a response counts as ok when its status
   * is below 400.
   */
  public static Result run(
      String host, int port, int connections, Duration duration, Requests requests) {
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int connection = c;
      Thread t =
          new Thread(
              () -> {
                Client client = new Client(host, port);
                long seq = 0;
                while (System.nanoTime() < end) {
                  byte[] request = requests.next(connection, seq++);
                  long t0 = System.nanoTime();
                  int status;
                  try {
                    status = client.exchange(request);
                  } catch (IOException e) {
                    client.close();
                    failed.incrementAndGet();
                    statuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                    continue;
                  }
                  recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                  statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                  (status < 400 ? ok : failed).incrementAndGet();
                }
                client.close();
              },
              "load-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Histogram h = recorder.getIntervalHistogram();
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((k, v) -> counts.put(k, v.get()));
    return new Result(
        ok.get(),
        failed.get(),
        seconds,
        ok.get() / seconds,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0,
        counts);
  }

  /** One keep-alive connection that reconnects when the server closes it. */
  static final class Client {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    Client(String host, int port) {
      this.host = host;
      this.port = port;
    }

    int exchange(byte[] request) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      }
      out.write(request);
      out.flush();
      return readResponse();
    }

    private int readResponse() throws IOException {
      String statusLine = readLine();
      if (statusLine == null) {
        throw new IOException("connection closed");
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      String line;
      while ((line = readLine()) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")
            && value.equalsIgnoreCase("chunked")) {
          chunked = true;
        } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
          close = true;
        }
      }
      if (chunked) {
        while (true) {
          String size = readLine();
          int semicolon = size.indexOf(';');
          long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
          if (n == 0) {
            while ((line = readLine()) != null && !line.isEmpty()) {
              // trailers
            }
            break;
          }
          skip(n);
          readLine();
        }
      } else if (length > 0) {
        skip(length);
      } else if (length < 0 && status != 204 && status != 304) {
        close = true;
        while (in.read() >= 0) {
          // read to the end
        }
      }
      if (close) {
        close();
      }
      return status;
    }

    private void skip(long n) throws IOException {
      long left = n;
      while (left > 0) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("truncated body");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    private String readLine() throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          int len = line.length();
          return len > 0 && line.charAt(len - 1) == '\r'
              ? line.substring(0, len - 1)
              : line.toString();
        }
        line.append((char) b);
      }
      return line.length() == 0 ? null : line.toString();
    }

    void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // reconnects on the next request
      }
      socket = null;
    }
  }
}
