package org.gongkai.websitereport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongkai.site.Sites;
import org.gongkai.support.Api;
import org.gongkai.support.DemoPlatformTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo city's portal has last year's report computed from the demo's records and complete. */
class DemoWebsiteReportIntegrationTests extends DemoPlatformTests {

  @Autowired Sites sites;

  @Test
  void theCityPortalsReportOfLastYearIsComputedAndItsEnteredRowsFilled() {
    int year = clock.today().getYear() - 1;
    long site = sites.fallback().id();
    Api.Response report =
        api()
            .get(
                "/api/v1/admin/website-reports/" + year + "?site=" + site, "admin", ADMIN_PASSWORD);
    assertThat(report.status()).isEqualTo(200);
    List<String> problems = report.json("$.problems[*].key");
    List<String> entered = report.json("$.figures[?(@.source=='entered')].key");
    assertThat(problems).as("every entered row is filled").doesNotContainAnyElementsOf(entered);
    List<String> keys = report.json("$.figures[*].key");
    List<Object> values = report.json("$.figures[*].value");
    assertThat(((Number) values.get(keys.indexOf("items.total"))).longValue()).isPositive();
    assertThat(values.get(keys.indexOf("site.name"))).isNotNull();
    assertThat(values.get(keys.indexOf("media.weibo.name"))).isEqualTo("临江发布");
  }
}
