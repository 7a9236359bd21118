package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotsTests {

  @Test
  void theLongestRuleDecidesAndOurOwnGroupWinsOverTheGeneralOne() {
    Robots robots =
        Robots.parse(
            ("User-agent: *\nDisallow: /\n\nUser-agent: GongkaiImport\nDisallow: /private/\n"
                    + "Allow: /private/open/\nDisallow: /*.php$\n")
                .getBytes(StandardCharsets.UTF_8),
            "GongkaiImport");
    assertThat(robots.allows("/col/index.html")).isTrue();
    assertThat(robots.allows("/private/a.html")).isFalse();
    assertThat(robots.allows("/private/open/a.html")).isTrue();
    assertThat(robots.allows("/search.php")).isFalse();
    assertThat(robots.allows("/search.php?q=1")).isTrue();
  }

  @Test
  void withoutAGroupOfOurOwnTheGeneralOneApplies() {
    Robots robots =
        Robots.parse(
            "User-agent: *\nDisallow: /xxgk/private\n".getBytes(StandardCharsets.UTF_8),
            "GongkaiImport");
    assertThat(robots.allows("/xxgk/private/1.html")).isFalse();
    assertThat(robots.allows("/xxgk/public/1.html")).isTrue();
    assertThat(Robots.ALLOW_ALL.allows("/anything")).isTrue();
  }
}
