package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Switched on, the external link checker visits links in the background and the findings report
 * those that failed; 127.0.0.1 stands in for the internet here, every other private address is
 * refused as in production.
 */
@TestPropertySource(
    properties = {
      "gongkai.monitor.external-links=true",
      "gongkai.monitor.external-links-allowed-networks=127.0.0.1/32",
      "gongkai.monitor.external-links-pause=PT0S"
    })
class ExternalLinksIntegrationTests extends PlatformIntegrationTests {

  @Autowired ExternalLinks links;

  @Test
  void deadAndPrivateLinksAreReportedFromTheBackgroundVisitsAndLiveOnesAreNot() {
    Fixture f = newAgency();
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), ColumnType.NEWS).orElseThrow().id());
    form.setTitle("含外部链接");
    form.setBody(
        "<p><a href=\"http://127.0.0.1:9/gone\">失效</a> <a href=\"http://127.0.0.1:"
            + port
            + "/\">门户</a> <a href=\"http://169.254.169.254/latest/meta-data/\">元数据</a></p>");
    editorial.importPublished(form, Instant.now().minusSeconds(60), List.of(), admin());

    String findings = "/api/v1/admin/monitor/findings?agency=" + f.agency().code();
    assertThat(
            api()
                .get(findings, f.editor().username(), PASSWORD)
                .<List<String>>json("$.findings[?(@.rule=='EXTERNAL_LINK')].message"))
        .as("nothing is visited while a page is served")
        .isEmpty();

    assertThat(links.run()).isGreaterThanOrEqualTo(3);
    Api.Response r = api().get(findings, f.editor().username(), PASSWORD);
    assertThat(r.<List<String>>json("$.findings[?(@.rule=='EXTERNAL_LINK')].message"))
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("http://127.0.0.1:9/gone", "无法连接"))
        .anySatisfy(m -> assertThat(m).contains("169.254.169.254", "内网"));
    assertThat(links.run()).as("visited links wait for their next turn").isZero();
  }
}
