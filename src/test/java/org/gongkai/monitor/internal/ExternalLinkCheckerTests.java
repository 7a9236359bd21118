package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongkai.monitor.internal.LinkCheck.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A site on this machine stands in for the internet: 127.0.0.1 is allowed as if it were public,
 * every other loopback and private address is not. The server listens on all addresses, so a
 * request that slipped past the guard to 127.0.0.2 would be answered, and the test would see it.
 */
class ExternalLinkCheckerTests {

  static HttpServer site;
  static int port;
  static final AtomicInteger privateVisits = new AtomicInteger();
  static ExternalLinkChecker checker;

  @BeforeAll
  static void start() throws Exception {
    site = HttpServer.create(new InetSocketAddress(0), 0);
    port = site.getAddress().getPort();
    site.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (!exchange.getLocalAddress().getAddress().getHostAddress().equals("127.0.0.1")) {
            privateVisits.incrementAndGet();
          }
          switch (path) {
            case "/ok" -> exchange.sendResponseHeaders(200, -1);
            case "/no-head" ->
                exchange.sendResponseHeaders(
                    exchange.getRequestMethod().equals("HEAD") ? 405 : 200, -1);
            case "/gone" -> exchange.sendResponseHeaders(404, -1);
            case "/to-ok" -> redirect(exchange, "/ok");
            case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
            case "/to-loopback" -> redirect(exchange, "http://127.0.0.2:" + port + "/ok");
            case "/loop" -> redirect(exchange, "/loop2");
            case "/loop2" -> redirect(exchange, "/loop3");
            default -> redirect(exchange, "/loop" + (path.length() + 1));
          }
          exchange.close();
        });
    site.start();
    checker =
        new ExternalLinkChecker(
            new PublicAddresses(List.of("127.0.0.1/32")), Duration.ofSeconds(3));
  }

  private static void redirect(HttpExchange exchange, String to) throws IOException {
    exchange.getResponseHeaders().add("Location", to);
    exchange.sendResponseHeaders(302, -1);
  }

  @AfterAll
  static void stop() throws Exception {
    checker.close();
    site.stop(0);
  }

  @Test
  void aLiveLinkIsOkAndAMissingPageIsReportedWithItsStatus() {
    assertThat(checker.check(url("/ok")).outcome()).isEqualTo(Outcome.OK);
    assertThat(checker.check(url("/to-ok")).outcome())
        .as("redirects are followed")
        .isEqualTo(Outcome.OK);
    assertThat(checker.check(url("/no-head")).outcome())
        .as("GET when HEAD is refused")
        .isEqualTo(Outcome.OK);
    assertThat(checker.check(url("/gone")))
        .extracting(LinkCheck::outcome, LinkCheck::status)
        .containsExactly(Outcome.HTTP_ERROR, 404);
    assertThat(checker.check("http://127.0.0.1:9/closed-port").outcome())
        .isEqualTo(Outcome.UNREACHABLE);
  }

  @Test
  void aRedirectIntoThePrivateNetworkIsRefusedBeforeConnecting() {
    assertThat(checker.check(url("/to-metadata")).outcome()).isEqualTo(Outcome.PRIVATE_ADDRESS);
    assertThat(checker.check(url("/to-loopback")).outcome()).isEqualTo(Outcome.PRIVATE_ADDRESS);
    assertThat(privateVisits)
        .as("nothing reached the server on another loopback address")
        .hasValue(0);
  }

  @Test
  void endlessRedirectsStop() {
    assertThat(checker.check(url("/loop")).outcome()).isIn(Outcome.TOO_MANY_REDIRECTS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.2/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://2130706434/"
      })
  void privateLoopbackLinkLocalAndMetadataAddressesAreNeverVisited(String url) {
    assertThat(checker.check(url).outcome()).isIn(Outcome.PRIVATE_ADDRESS, Outcome.INVALID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.org/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http:///nohost",
        "not a url"
      })
  void onlyWebAddressesAreChecked(String url) {
    assertThat(checker.check(url).outcome()).isEqualTo(Outcome.INVALID);
  }

  @Test
  void theAddressPolicyKnowsThePublicInternetFromTheRest() throws Exception {
    PublicAddresses policy = new PublicAddresses(List.of());
    for (String refused :
        new String[] {
          "127.0.0.1",
          "10.0.0.1",
          "172.31.255.255",
          "192.168.0.1",
          "169.254.169.254",
          "100.100.100.200",
          "0.0.0.0",
          "224.0.0.1",
          "::1",
          "fd12::1",
          "fe80::1",
          "::"
        }) {
      assertThat(policy.test(InetAddress.getByName(refused))).as(refused).isFalse();
    }
    for (String allowed :
        new String[] {"8.8.8.8", "114.114.114.114", "220.181.38.148", "2400:3200::1"}) {
      assertThat(policy.test(InetAddress.getByName(allowed))).as(allowed).isTrue();
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
