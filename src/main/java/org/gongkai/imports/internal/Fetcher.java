package org.gongkai.imports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Requests to an old site: each address checked by the {@link HostGuard} (redirects too, followed
 * here and not by the client), a timeout on every request, and the body read only up to a limit.
 */
@Component
class Fetcher {

  private static final int MAX_REDIRECTS = 5;

  private final HostGuard guard;
  private final HttpClient client;
  private final Duration timeout;
  private final String userAgent;

  Fetcher(HostGuard guard, ImportsProperties settings) {
    this.guard = guard;
    this.timeout = settings.timeout();
    this.userAgent = settings.userAgent();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A page or file as the old site answered it, after redirects. */
  record Fetched(URI uri, String contentType, byte[] body) {}

  /** Why a request gave nothing to read: a message key and its detail (a status, an address). */
  static class FetchFailed extends Exception {
    private final String reason;
    private final String detail;

    FetchFailed(String reason, String detail) {
      super(reason + " " + detail);
      this.reason = reason;
      this.detail = detail;
    }

    String reason() {
      return reason;
    }

    String detail() {
      return detail;
    }
  }

  Fetched get(URI uri, long maxBytes, Collection<String> hosts, Pacer pacer) throws FetchFailed {
    URI at = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Optional<String> refused = guard.refusal(at, hosts);
      if (refused.isPresent()) {
        throw new FetchFailed(refused.get(), at.toString());
      }
      pacer.await();
      HttpResponse<InputStream> response = send(at);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        URI from = at;
        Optional<URI> next =
            response.headers().firstValue("Location").flatMap(l -> Urls.resolve(from, l));
        close(response);
        if (next.isEmpty()) {
          throw new FetchFailed("import.fetch.status", String.valueOf(status));
        }
        at = next.get();
        continue;
      }
      if (status != 200) {
        close(response);
        throw new FetchFailed("import.fetch.status", String.valueOf(status));
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        close(response);
        throw new FetchFailed("import.fetch.too-large", String.valueOf(declared));
      }
      return new Fetched(
          at, response.headers().firstValue("Content-Type").orElse(""), read(response, maxBytes));
    }
    throw new FetchFailed("import.fetch.redirects", uri.toString());
  }

  private HttpResponse<InputStream> send(URI uri) throws FetchFailed {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FetchFailed("import.fetch.timeout", uri.toString());
    } catch (IOException e) {
      throw new FetchFailed("import.fetch.failed", String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed("import.fetch.failed", "interrupted");
    }
  }

  private static byte[] read(HttpResponse<InputStream> response, long maxBytes) throws FetchFailed {
    try (InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new FetchFailed("import.fetch.too-large", String.valueOf(total));
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchFailed("import.fetch.failed", String.valueOf(e.getMessage()));
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // nothing was to be read from it
    }
  }
}
