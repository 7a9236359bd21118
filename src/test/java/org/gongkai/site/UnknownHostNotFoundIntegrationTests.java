package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With gongkai.sites.unknown-host=NOT_FOUND a host no site names gets no public page. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnknownHostNotFoundIntegrationTests extends PlatformIntegrationTests {

  @DynamicPropertySource
  static void notFound(DynamicPropertyRegistry registry) {
    registry.add("gongkai.sites.unknown-host", () -> "NOT_FOUND");
  }

  @Test
  void aHostNoSiteNamesGetsNoPublicPageButTheConsoleStillAnswers() {
    for (String path : new String[] {"/", "/robots.txt", "/sitemap.xml", "/search?q=x"}) {
      assertThat(HostRequests.get(port, path, "unknown.example"))
          .as(path)
          .startsWith("HTTP/1.1 404")
          .doesNotContain("临江市人民政府");
    }
    assertThat(HostRequests.get(port, "/", "www.linjiang.gov.cn"))
        .startsWith("HTTP/1.1 200")
        .contains("<meta name=\"SiteName\" content=\"临江市人民政府\">");
    assertThat(HostRequests.get(port, "/login", "unknown.example")).startsWith("HTTP/1.1 200");
  }
}
