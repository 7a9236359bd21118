package org.gongkai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;

class IntakeApiIntegrationTests extends PlatformIntegrationTests {

  private static final String PATH = "/api/v1/admin/intake";

  @Test
  void anEditorGetsTheFieldsOfASignedPdfWithTheirConfidence() throws IOException {
    Fixture f = newAgency();
    IntakeSpec spec = IntakeSpec.byId("25").issuedBy(f.agency().name());
    Api.Response r =
        api()
            .upload(
                PATH,
                "签发件.pdf",
                SamplePdf.write(spec),
                Map.of("content", "true"),
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).isEqualTo(200);
    assertThat((String) r.json("$.docNumber.value")).isEqualTo("临司发〔2026〕13号");
    assertThat((String) r.json("$.docNumber.confidence")).isEqualTo("HIGH");
    assertThat((String) r.json("$.title.value")).isEqualTo(spec.title());
    assertThat((String) r.json("$.writtenOn.value")).isEqualTo("2026-07-01");
    assertThat((String) r.json("$.agency.value.code")).isEqualTo(f.agency().code());
    assertThat((String) r.json("$.printedOn.value")).isEqualTo("2026-07-02");
    assertThat((String) r.json("$.body.value")).contains("<p>现将《临沂市行政执法案卷评查办法》印发给你们，请遵照执行。</p>");
    assertThat((List<?>) r.json("$.attachmentNames.value")).hasSize(2);
    assertThat((String) r.json("$.attachments[1].name")).isEqualTo("附件2-行政执法案卷评查标准.pdf");
    assertThat((String) r.json("$.attachments[1].token")).isNotBlank();
    byte[] split = Base64.getDecoder().decode((String) r.json("$.attachments[1].content"));
    try (var pdf = Loader.loadPDF(split)) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("行政执法案卷评查标准");
    }
  }

  @Test
  void aWordDocumentOfAnotherOrganIsMarkedForTheEditorToConfirm() throws IOException {
    Fixture f = newAgency();
    IntakeSpec spec = IntakeSpec.byId("04");
    Api.Response r =
        api().upload(PATH, "notice.docx", SampleDocx.write(spec), f.editor().username(), PASSWORD);
    assertThat(r.status()).isEqualTo(200);
    assertThat((String) r.json("$.title.value")).isEqualTo(spec.title());
    assertThat((Object) r.json("$.agency.value")).isNull();
    assertThat((String) r.json("$.agency.confidence")).isEqualTo("LOW");
    assertThat((String) r.json("$.agency.note")).contains("不匹配");
    assertThat((List<?>) r.json("$.attachments")).isEmpty();
  }

  @Test
  void filesThatCannotBeRecognisedAreRefusedWithAReason() throws IOException {
    Fixture f = newAgency();
    String editor = f.editor().username();
    Api.Response doc = api().upload(PATH, "letter.doc", new byte[] {1, 2, 3}, editor, PASSWORD);
    assertThat(doc.status()).isEqualTo(400);
    assertThat(doc.headers().getContentType().toString()).contains("problem+json");
    assertThat(doc.body()).contains("只能识别 Word（DOCX）和 PDF");

    Api.Response scan =
        api().upload(PATH, "scan.pdf", IntakePiecesTests.blankPdf(), editor, PASSWORD);
    assertThat(scan.status()).isEqualTo(400);
    assertThat(scan.body()).contains("没有文字层").contains("不做文字识别");
    assertThat((String) scan.json("$.errors[0].field")).isEqualTo("file");

    Api.Response broken =
        api().upload(PATH, "broken.pdf", "%PDF-1.7 broken".getBytes(), editor, PASSWORD);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body()).contains("无法读取");

    Api.Response empty = api().upload(PATH, "empty.pdf", new byte[0], editor, PASSWORD);
    assertThat(empty.status()).isEqualTo(400);

    Api.Response token = api().get(PATH + "/attachments/nothing.0", editor, PASSWORD);
    assertThat(token.status()).isEqualTo(404);
  }

  @Test
  void nobodyLoggedInGetsNothing() {
    assertThat(api().upload(PATH, "a.pdf", new byte[] {1}, "nobody", "wrong").status())
        .isEqualTo(401);
  }
}
