package org.gongkai.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;

class RedactionApiIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aPdfComesBackRedactedAndBadRequestsAreNamed() throws IOException {
    Fixture f = newAgency();
    Api api = api();
    Api.Response redacted =
        api.upload(
            "/api/v1/admin/redactions",
            "名单.pdf",
            PdfRedactorTests.leaky(),
            Map.of("auto", "true", "ground", "ARTICLE_15"),
            f.editor().username(),
            PASSWORD);
    assertThat(redacted.status()).isEqualTo(200);
    assertThat(redacted.headers().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(redacted.headers().getFirst("X-Redacted-Boxes")).isEqualTo("2");
    assertThat(redacted.body()).startsWith("%PDF");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'redaction.made' AND actor = ?")
                .param(f.editor().username())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Api.Response word =
        api.upload(
            "/api/v1/admin/redactions",
            "letter.doc",
            new byte[] {1, 2},
            Map.of("auto", "true"),
            f.editor().username(),
            PASSWORD);
    assertThat(word.status()).isEqualTo(400);
    assertThat(word.body()).contains("只能遮盖 PDF 和 Word（DOCX）文件");

    Api.Response badBoxes =
        api.upload(
            "/api/v1/admin/redactions",
            "名单.pdf",
            PdfRedactorTests.leaky(),
            Map.of("boxes", "[{\"page\":0,\"x\":1,\"y\":1,\"width\":1,\"height\":1}]"),
            f.editor().username(),
            PASSWORD);
    assertThat(badBoxes.status()).isEqualTo(400);
    assertThat((String) badBoxes.json("$.errors[0].field")).isEqualTo("boxes");

    Api.Response badGround =
        api.upload(
            "/api/v1/admin/redactions",
            "名单.pdf",
            PdfRedactorTests.leaky(),
            Map.of("auto", "true", "ground", "第十五条"),
            f.editor().username(),
            PASSWORD);
    assertThat(badGround.status()).isEqualTo(400);
    assertThat((String) badGround.json("$.errors[0].field")).isEqualTo("ground");
    assertThat(badGround.body()).contains("ARTICLE_15（第十五条）");
  }
}
