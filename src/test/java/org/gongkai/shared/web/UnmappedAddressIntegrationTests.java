package org.gongkai.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A mistyped address: the error page for a browser, a problem detail for the API and for JSON
 * clients.
 */
class UnmappedAddressIntegrationTests extends PlatformIntegrationTests {

  private static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void aBrowserGetsThePageInItsLanguage() {
    Api.Response page = api().with("Accept", BROWSER).get("/agencies-typo/nothing");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.body()).contains("这个地址没有内容", "<h1", "返回首页");

    Api.Response english =
        api()
            .with("Accept", BROWSER)
            .with("Cookie", "gongkai-lang=en")
            .get("/agencies-typo/nothing");
    assertThat(english.body()).contains("Nothing is at this address");
  }

  @Test
  void theApiAndJsonClientsGetAProblemDetail() {
    Api.Response api = api().with("Accept", BROWSER).get("/api/v1/no-such-thing");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat(api.<String>json("$.detail")).contains("这个地址没有内容");
    assertThat(api.<Integer>json("$.status")).isEqualTo(404);

    Api.Response json = api().with("Accept", "application/json").get("/agencies-typo/nothing");
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.<String>json("$.type")).isEqualTo("urn:gongkai:problem:error.not-found");
  }
}
