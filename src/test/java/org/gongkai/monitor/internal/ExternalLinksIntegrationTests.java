package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The external link checker is off by default; switched on, it reports a link that does not answer. */
@TestPropertySource(properties = "gongkai.monitor.external-links=true")
class ExternalLinksIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aDeadExternalLinkIsReportedAndALiveOneIsNot() {
    Fixture f = newAgency();
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), ColumnType.NEWS).orElseThrow().id());
    form.setTitle("含外部链接");
    form.setBody("<p><a href=\"http://127.0.0.1:9/gone\">失效</a> <a href=\"http://localhost:" + port + "/\">门户</a></p>");
    editorial.importPublished(form, Instant.now().minusSeconds(60), List.of(), admin());
    Api.Response r = api().get("/api/v1/admin/monitor/findings?agency=" + f.agency().code(), f.editor().username(), PASSWORD);
    assertThat(r.<List<String>>json("$.findings[?(@.rule=='EXTERNAL_LINK')].message")).singleElement().asString()
        .contains("http://127.0.0.1:9/gone");
  }
}
