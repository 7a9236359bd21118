package org.gongkai.monitor.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;

/**
 * Visits one external link the way a reader's browser would, without letting the link reach the
 * server's own network: every host name, the first and each one a redirect leads to, is resolved
 * here and refused unless all its addresses are allowed, and the connection is made to exactly the
 * addresses that were checked (no second lookup that a rebinding DNS server could answer
 * differently). A HEAD request first, GET when the site refuses HEAD; no body is read.
 */
final class ExternalLinkChecker implements AutoCloseable {

  static final int MAX_REDIRECTS = 5;
  static final int MAX_URL_LENGTH = 2000;

  private final CloseableHttpClient client;

  ExternalLinkChecker(Predicate<InetAddress> allowed, Duration timeout) {
    Timeout limit = Timeout.of(timeout);
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new GuardedDns(allowed))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .build())
                    .setMaxConnTotal(4)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(true)
                    .setMaxRedirects(MAX_REDIRECTS)
                    .setResponseTimeout(limit)
                    .build())
            .setUserAgent("Gongkai-LinkChecker/1.0")
            .disableCookieManagement()
            .disableAutomaticRetries()
            .build();
  }

  LinkCheck check(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new LinkCheck(url, LinkCheck.Outcome.INVALID, 0);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (url.length() > MAX_URL_LENGTH
        || uri.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      return new LinkCheck(url, LinkCheck.Outcome.INVALID, 0);
    }
    try {
      int status = visit(new HttpHead(uri));
      if (status == 405 || status == 501) {
        status = visit(new HttpGet(uri));
      }
      return new LinkCheck(
          url, status < 400 ? LinkCheck.Outcome.OK : LinkCheck.Outcome.HTTP_ERROR, status);
    } catch (RefusedAddress e) {
      return new LinkCheck(url, LinkCheck.Outcome.PRIVATE_ADDRESS, 0);
    } catch (ClientProtocolException e) {
      boolean redirects = e.getCause() instanceof RedirectException;
      return new LinkCheck(
          url, redirects ? LinkCheck.Outcome.TOO_MANY_REDIRECTS : LinkCheck.Outcome.UNREACHABLE, 0);
    } catch (IOException | RuntimeException e) {
      return new LinkCheck(url, LinkCheck.Outcome.UNREACHABLE, 0);
    }
  }

  /**
   * The status of the last response; closing it unread drops the connection instead of downloading
   * a body.
   */
  private int visit(HttpUriRequestBase request) throws IOException {
    try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
      return response.getCode();
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  static final class RefusedAddress extends UnknownHostException {
    RefusedAddress(String host) {
      super(host + " resolves to an address the link checker does not visit");
    }
  }

  private record GuardedDns(Predicate<InetAddress> allowed) implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      String bare =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(bare);
      if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(allowed)) {
        throw new RefusedAddress(host);
      }
      return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
  }
}
