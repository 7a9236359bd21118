package org.gongkai.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What was published before the gate, or imported past it, is scanned at night, once per edition;
 * what holds personal data is a monitor finding of its agency.
 */
class PublishedSweepIntegrationTests extends PlatformIntegrationTests {

  @Autowired PublishedSweep sweep;

  @Test
  void anImportedDocumentWithAnIdentityNumberBecomesAMonitorFinding() {
    Fixture f = newAgency();
    long clean = imported(f, "无个人信息的旧文件", "<p>旧文件正文。</p>");
    long leaking = imported(f, "含身份证号的旧名单", "<p>张三 34010219850612301X 补贴 500 元</p>");

    sweep.sweep();
    sweep.sweep();

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM published_screening WHERE document_id IN (?, ?)")
                .params(clean, leaking)
                .query(Long.class)
                .single())
        .as("each edition scanned once")
        .isEqualTo(2);
    Api.Response findings =
        api()
            .get(
                "/api/v1/admin/monitor/findings?agency=" + f.agency().code(),
                f.editor().username(),
                PASSWORD);
    assertThat(findings.status()).isEqualTo(200);
    List<String> rules = findings.json("$.findings[*].rule");
    assertThat(rules).containsOnlyOnce("PERSONAL_DATA_PUBLISHED");
    assertThat(findings.body())
        .contains("含身份证号的旧名单", "34**************1X")
        .doesNotContain("34010219850612301X");
  }

  private long imported(Fixture f, String title, String body) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle(title);
    form.setBody(body);
    return editorial.importPublished(
        form, Instant.now(clock).minus(Duration.ofDays(3)), List.of(), admin());
  }
}
