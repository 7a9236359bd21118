package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.screening.internal.PdfRedactorTests;
import org.gongkai.support.Api;
import org.gongkai.support.Challenges;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partly disclosing reply provides the request's redacted files: the letter lists them with their
 * grounds, the applicant downloads them with the tracking code and secret, and the originals stay
 * with staff.
 */
abstract class ReplyEnclosureIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aPartlyDisclosedReplyProvidesTheRedactedFileWithItsGrounds() throws Exception {
    Fixture f = newAgency();
    Api.Response submitted =
        api()
            .post(
                "/api/v1/foi/requests",
                Challenges.with(
                    "http://localhost:" + port,
                    PublicSubmissions.request(f.agency().code(), "enclosure")),
                null,
                null);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String code = submitted.json("$.trackingCode");
    String secret = submitted.json("$.secret");
    long id =
        jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
            .param(code)
            .query(Long.class)
            .single();
    LocalDate today = clock.today();
    staff(f, id, "register", "{\"receivedOn\":\"" + today + "\"}");

    // Staff open the redaction page from the request and box the file.
    MockMvc mvc = consoleMvc();
    MockHttpSession editor = consoleSession(mvc, f.editor().username());
    String page =
        mvc.perform(get("/console/foi/" + id).session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("制作遮盖件", "reference=foi-request:" + id);
    String work =
        mvc.perform(
                multipart("/console/redactions")
                    .file(
                        new MockMultipartFile(
                            "file", "名单.pdf", "application/pdf", PdfRedactorTests.leaky()))
                    .param("agency", f.agency().code())
                    .param("reference", "foi-request:" + id)
                    .session(editor)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long workId = Long.parseLong(work.substring(work.lastIndexOf('/') + 1));

    // Before the reply, and before the file is redacted, the applicant gets nothing.
    assertThat(api().get("/api/v1/foi/requests/" + code + "?secret=" + secret).body())
        .contains("\"enclosures\":[]");
    mvc.perform(post(work).param("auto", "true").session(editor).with(csrf()));
    assertThat(
            api()
                .get("/api/v1/foi/requests/" + code + "/enclosures/" + workId + "?secret=" + secret)
                .status())
        .isEqualTo(404);

    staff(f, id, "reply", "{\"outcome\":\"PARTLY_DISCLOSED\",\"explanation\":\"名单中的个人信息属于个人隐私。\"}");
    String letter =
        jdbc.sql("SELECT body FROM foi_letter WHERE request_id = ? ORDER BY id DESC")
            .param(id)
            .query(String.class)
            .list()
            .get(0);
    assertThat(letter).contains("随本答复书提供以下材料：1. 名单-redacted.pdf（遮盖部分依据《中华人民共和国政府信息公开条例》第十五条不予公开）");

    Api.Response status = api().get("/api/v1/foi/requests/" + code + "?secret=" + secret);
    assertThat(status.<List<String>>json("$.enclosures[*].name"))
        .containsExactly("名单-redacted.pdf");
    assertThat(status.<List<String>>json("$.enclosures[0].grounds")).containsExactly("第十五条");

    String statusPage =
        mvc.perform(
                post("/foi/status")
                    .param("trackingCode", code)
                    .param("secret", secret)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(statusPage).contains("下载 名单-redacted.pdf", "遮盖依据：第十五条");
    var download =
        mvc.perform(
                post("/foi/status/enclosure")
                    .param("trackingCode", code)
                    .param("secret", secret)
                    .param("enclosure", String.valueOf(workId))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(download.getContentType()).isEqualTo("application/pdf");
    assertThat(download.getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("-redacted.pdf");
    assertThat(download.getHeader("Cache-Control")).contains("no-store");
    byte[] file = download.getContentAsByteArray();
    try (PDDocument pdf = Loader.loadPDF(file)) {
      assertThat(new PDFTextStripper().getText(pdf))
          .doesNotContain(PdfRedactorTests.ID)
          .doesNotContain(PdfRedactorTests.PHONE)
          .contains("Second page keeps");
    }

    // A wrong secret, or a file made for another request, gives nothing.
    assertThat(
            api()
                .get("/api/v1/foi/requests/" + code + "/enclosures/" + workId + "?secret=WRONG")
                .status())
        .isEqualTo(404);
    String otherWork =
        mvc.perform(
                multipart("/console/redactions")
                    .file(
                        new MockMultipartFile(
                            "file", "其他.pdf", "application/pdf", PdfRedactorTests.leaky()))
                    .param("agency", f.agency().code())
                    .param("reference", "foi-request:" + (id + 1000))
                    .session(editor)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(post(otherWork).param("auto", "true").session(editor).with(csrf()));
    long otherId = Long.parseLong(otherWork.substring(otherWork.lastIndexOf('/') + 1));
    assertThat(
            api()
                .get(
                    "/api/v1/foi/requests/" + code + "/enclosures/" + otherId + "?secret=" + secret)
                .status())
        .isEqualTo(404);
  }

  private void staff(Fixture f, long id, String step, String json) {
    Api.Response r =
        api()
            .post(
                "/api/v1/admin/foi/requests/" + id + "/" + step,
                json,
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
