package org.gongkai.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.screening.Ground;
import org.gongkai.screening.RedactionWorks;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class RedactionConsoleIntegrationTests extends PlatformIntegrationTests {

  @Autowired RedactionWorks works;
  @Autowired StoredFiles files;

  @Test
  void aPdfIsUploadedBoxedOnItsPageAndComesBackRedactedWithItsOriginalKeptSealed()
      throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession editor = consoleSession(mvc, f.editor().username());
    byte[] original = PdfRedactorTests.leaky();

    MvcResult uploaded =
        mvc.perform(
                multipart("/console/redactions")
                    .file(new MockMultipartFile("file", "名单.pdf", "application/pdf", original))
                    .param("agency", f.agency().code())
                    .param("reference", "foi-request:7")
                    .session(editor)
                    .with(csrf()))
            .andReturn();
    assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
    String location = uploaded.getResponse().getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(works.forReference("foi-request:7"))
        .extracting(RedactionWorks.Work::id)
        .contains(id);

    String page =
        mvc.perform(get(location).session(editor)).andReturn().getResponse().getContentAsString();
    assertThat(page)
        .contains("身份证号码", "手机号码", "自动遮盖以上 2 处", "data-page=\"2\"", "第 1 个框：左边距（毫米）")
        .doesNotContain("34010219850612301X");
    MvcResult picture = mvc.perform(get(location + "/pages/1.png").session(editor)).andReturn();
    assertThat(picture.getResponse().getContentType()).isEqualTo("image/png");
    assertThat(picture.getResponse().getContentAsByteArray()).hasSizeGreaterThan(1000);

    // A row filled in part is refused and nothing is made.
    MvcResult half =
        mvc.perform(
                post(location)
                    .param("page", "1")
                    .param("left", "24.7")
                    .param("top", "")
                    .param("width", "107")
                    .param("height", "")
                    .session(editor)
                    .with(csrf()))
            .andReturn();
    assertThat(half.getFlashMap().get("refusal")).isEqualTo("redaction.box.row");
    assertThat(works.find(id).orElseThrow().redacted()).isFalse();

    // The image showing the number, boxed by hand in millimetres from the top left corner, and
    // the scanner's findings in the text.
    MvcResult redacted =
        mvc.perform(
                post(location)
                    .param("auto", "true")
                    .param("ground", "")
                    .param("page", "1", "1")
                    .param("left", "24.7", "")
                    .param("top", "63.5", "")
                    .param("width", "107.2", "")
                    .param("height", "22.6", "")
                    .param("boxGround", "ARTICLE_16_2", "")
                    .session(editor)
                    .with(csrf()))
            .andReturn();
    assertThat(redacted.getFlashMap().get("notice")).isEqualTo("redaction.made");
    RedactionWorks.Work work = works.find(id).orElseThrow();
    assertThat(work.redacted()).isTrue();
    assertThat(work.boxes()).isEqualTo(3);
    // The count V89 gave the works redacted before it, from their boxes' JSON, agrees.
    assertThat(
            jdbc.sql(
                    "SELECT (LENGTH(boxes) - LENGTH(REPLACE(boxes, '\"page\"', ''))) / 6"
                        + " FROM redaction_work WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(work.findings()).isEqualTo(2);
    assertThat(work.grounds()).containsExactly(Ground.ARTICLE_15, Ground.ARTICLE_16_2);

    byte[] file =
        mvc.perform(get(location + "/redacted").session(editor))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument out = Loader.loadPDF(file)) {
      assertThat(new PDFTextStripper().getText(out))
          .doesNotContain(PdfRedactorTests.ID)
          .doesNotContain(PdfRedactorTests.PHONE)
          .contains("Second page keeps");
    }
    assertThat(works.redactedFile(id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(file));
    String shown =
        mvc.perform(get(location).session(editor)).andReturn().getResponse().getContentAsString();
    assertThat(shown).contains("第十五条、", "第十六条第二款", "value=\"24.7\"", "名单-redacted.pdf");

    // Both files are stored sealed; the original comes back whole, and each look is audited.
    String originalSha =
        jdbc.sql("SELECT original_sha256 FROM redaction_work WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(new String(files.read("redaction-work", originalSha).orElseThrow(), 0, 4))
        .isNotEqualTo("%PDF");
    assertThat(
            mvc.perform(get(location + "/original").session(editor))
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .isEqualTo(original);
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_record WHERE subject_type = 'redaction-work'"
                        + " AND subject_id = ? ORDER BY id")
                .param(String.valueOf(id))
                .query(String.class)
                .list())
        .containsExactly(
            "redaction.uploaded",
            "redaction.page-viewed",
            "redaction.made",
            "redaction.original-viewed");

    // Another agency's staff do not see it.
    Fixture other = newAgency();
    MockHttpSession stranger = consoleSession(mvc, other.editor().username());
    assertThat(mvc.perform(get(location).session(stranger)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(get(location + "/original").session(stranger))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void aWordDocumentIsRedactedByTheWordsTyped() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession editor = consoleSession(mvc, f.editor().username());
    byte[] docx;
    try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
      word.createParagraph().createRun().setText("申请人李四，电话 13800138000。");
      var out = new java.io.ByteArrayOutputStream();
      word.write(out);
      docx = out.toByteArray();
    }
    String location =
        mvc.perform(
                multipart("/console/redactions")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "答复.docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            docx))
                    .param("agency", f.agency().code())
                    .session(editor)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(
            mvc.perform(get(location).session(editor))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("要遮盖的文字", "手机号码")
        .doesNotContain("redaction-page");
    mvc.perform(
        post(location)
            .param("texts", "李四\n")
            .param("auto", "true")
            .param("ground", "ARTICLE_15")
            .session(editor)
            .with(csrf()));
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    byte[] out = works.redactedFile(id).orElseThrow();
    try (var read =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(out));
        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(read)) {
      assertThat(text.getText())
          .doesNotContain("李四")
          .doesNotContain("13800138000")
          .contains("\u3014第十五条\u3015");
    }
  }
}
