package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * Without {@code gongkai.imports.allow-private-addresses}, an import reaches neither this machine
 * nor a private or link-local network, and never a host it did not name, redirects included.
 */
class HostGuardTests {

  static ImportsProperties settings(boolean allowPrivate) {
    return new ImportsProperties(
        allowPrivate,
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        Duration.ofSeconds(2),
        DataSize.ofMegabytes(1),
        DataSize.ofMegabytes(1),
        1000,
        100,
        1000,
        "GongkaiImport");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://localhost:8080/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fd00::1]/"
      })
  void privateLoopbackAndLinkLocalAddressesAreRefusedWithoutTheSetting(String url) {
    URI uri = URI.create(url);
    HostGuard guard = new HostGuard(settings(false));
    assertThat(guard.refusal(uri, Set.of(uri.getHost().toLowerCase())))
        .contains("import.url.private");
    assertThat(new HostGuard(settings(true)).refusal(uri, Set.of(uri.getHost().toLowerCase())))
        .isEmpty();
  }

  @Test
  void aHostTheImportDidNotNameIsNotVisitedEvenWithTheSetting() {
    HostGuard guard = new HostGuard(settings(true));
    assertThat(guard.refusal(URI.create("http://127.0.0.1/"), Set.of("old.example.gov.cn")))
        .contains("import.url.host-not-named");
    assertThat(guard.refusal(URI.create("ftp://127.0.0.1/"), Set.of("127.0.0.1")))
        .contains("import.url.invalid");
  }

  @Test
  void aRedirectToAPrivateAddressIsNotFollowed() {
    try (OldSite site = new OldSite("X", 0)) {
      Fetcher fetcher = new Fetcher(new HostGuard(settings(false)), settings(false));
      assertThatThrownBy(
              () ->
                  fetcher.get(
                      URI.create(site.url("/col/index.html")),
                      1000,
                      Set.of("127.0.0.1"),
                      new Pacer(1000)))
          .isInstanceOfSatisfying(
              Fetcher.FetchFailed.class,
              e -> assertThat(e.reason()).isEqualTo("import.url.private"));
      assertThat(site.requests.get()).isZero();
    }
  }
}
