package org.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;

/**
 * The senior-friendly mode: a visible switch on every public page, remembered, each mode cached
 * apart.
 */
class SeniorModeIntegrationTests extends PlatformIntegrationTests {

  @Test
  void theSwitchTurnsItOnForEveryPageAndOffAgain() {
    Api api = api();
    String standard = api.get("/").body();
    assertThat(standard).contains("长者模式", "?senior=on").doesNotContain("/css/senior");

    Api.Response switched = api().get("/?senior=on");
    assertThat(switched.status()).isEqualTo(200);
    String cookie = switched.headers().getFirst("Set-Cookie");
    assertThat(cookie).startsWith("gongkai-senior=on").contains("Max-Age=31536000", "SameSite=Lax");
    assertThat(switched.body()).contains("/css/senior", "标准模式", "?senior=off");

    Api senior = api().with("Cookie", "gongkai-senior=on");
    String remembered = senior.get("/").body();
    assertThat(remembered)
        .as("the page cache keeps the two modes apart")
        .contains("/css/senior", "标准模式");
    assertThat(api().get("/").body()).doesNotContain("/css/senior");
    assertThat(senior.get("/consultations").body()).contains("/css/senior");

    Api.Response off = senior.get("/?senior=off");
    assertThat(off.headers().getFirst("Set-Cookie"))
        .startsWith("gongkai-senior=")
        .contains("Max-Age=0");
    assertThat(off.body()).doesNotContain("/css/senior");
    assertThat(
            api().get(remembered.replaceAll("(?s).*href=\"(/css/senior[^\"]*)\".*", "$1")).status())
        .isEqualTo(200);
  }
}
