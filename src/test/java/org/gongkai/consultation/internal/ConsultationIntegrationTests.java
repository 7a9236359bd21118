package org.gongkai.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.agency.ColumnType;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * Calls for comments and public notices: periods, moderation, closing, feedback, links and the
 * internal scope.
 */
abstract class ConsultationIntegrationTests extends PlatformIntegrationTests {

  @Autowired WorkingCalendar calendar;

  @Autowired WebApplicationContext context;

  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  long create(Fixture f, String kind, String scope, LocalDate opens, LocalDate closes) {
    Api.Response r =
        api()
            .post(
                "/api/v1/admin/consultations",
                "{\"agency\":\""
                    + f.agency().code()
                    + "\",\"kind\":\""
                    + kind
                    + "\",\"scope\":\""
                    + scope
                    + "\",\"title\":\"关于修订城市绿化管理办法的征求意见稿\",\"draftText\":\"第一条 为了加强绿化管理。\\n"
                    + "第二条 本办法适用于本市。\\n第三条 本办法自发布之日起施行。\",\"opensOn\":\""
                    + opens
                    + "\",\"closesOn\":\""
                    + closes
                    + "\"}",
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = ((Number) r.json("$.id")).longValue();
    String publish = "/api/v1/admin/consultations/" + id + "/publish";
    assertThat(api().post(publish, null, f.editor().username(), PASSWORD).status())
        .as("its author does not publish it")
        .isEqualTo(403);
    assertThat(api().post(publish, null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(200);
    return id;
  }

  @Test
  void aCallForCommentsRunsFromOpeningToPublishedFeedbackLinkedToTheFinalDocument()
      throws Exception {
    Fixture f = newAgency();
    LocalDate today = today();
    Api.Response tooShort =
        api()
            .post(
                "/api/v1/admin/consultations",
                "{\"agency\":\""
                    + f.agency().code()
                    + "\",\"kind\":\"CALL_FOR_COMMENTS\",\"scope\":\"PUBLIC\",\"title\":\"t\",\"draftText\":\"x\",\"opensOn\":\""
                    + today
                    + "\",\"closesOn\":\""
                    + today.plusDays(5)
                    + "\"}",
                f.editor().username(),
                PASSWORD);
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.<List<String>>json("$.errors[*].field")).containsExactly("closesOn");

    long id =
        create(
            f, "CALL_FOR_COMMENTS", "PUBLIC", today, calendar.current().addWorkingDays(today, 20));
    assertThat(
            api()
                .get("/api/v1/consultations?agency=" + f.agency().code() + "&state=open")
                .<List<Integer>>json("$[*].id"))
        .containsExactly((int) id);

    Api.Response noContact =
        api()
            .post(
                "/api/v1/consultations/" + id + "/comments",
                api().answered("{\"body\":\"建议增加古树保护条款。\"}"),
                null,
                null);
    assertThat(noContact.status()).isEqualTo(400);
    assertThat(noContact.<List<String>>json("$.errors[*].field")).contains("contact");
    Api.Response badParagraph =
        api()
            .post(
                "/api/v1/consultations/" + id + "/comments",
                api().answered("{\"paragraph\":9,\"body\":\"x\",\"contact\":\"13800000000\"}"),
                null,
                null);
    assertThat(badParagraph.<List<String>>json("$.errors[*].field")).contains("paragraph");
    long first =
        comment(
            id,
            "{\"paragraph\":1,\"name\":\"周先生\",\"contact\":\"13800000001\",\"body\":\"建议增加古树保护条款。\"}");
    long second = comment(id, "{\"contact\":\"spam@example.cn\",\"body\":\"广告内容\"}");
    long third =
        comment(id, "{\"paragraph\":3,\"contact\":\"13800000003\",\"body\":\"建议明确施行日期。\"}");

    assertThat(api().get("/api/v1/consultations/" + id).<List<Object>>json("$.comments")).isEmpty();
    String admin = "/api/v1/admin/consultations/" + id + "/comments/";
    assertThat(
            api()
                .post(
                    admin + second + "/moderation",
                    "{\"state\":\"HIDDEN\"}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(400);
    moderate(f, admin + first + "/moderation", "{\"state\":\"PUBLISHED\"}");
    moderate(f, admin + second + "/moderation", "{\"state\":\"HIDDEN\",\"reason\":\"与草案无关的广告\"}");
    moderate(f, admin + third + "/moderation", "{\"state\":\"PUBLISHED\"}");
    Api.Response shown = api().get("/api/v1/consultations/" + id);
    assertThat(shown.<List<String>>json("$.comments[*].body"))
        .containsExactly("建议增加古树保护条款。", "建议明确施行日期。");
    assertThat(shown.body()).doesNotContain("13800000001", "广告内容");
    assertThat(
            api()
                .post(
                    admin + first + "/adoption",
                    "{\"adoption\":\"ADOPTED\"}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);

    // The period ends.
    jdbc.sql("UPDATE consultation SET closes_on = ? WHERE id = ?")
        .params(today.minusDays(1), id)
        .update();
    Api.Response late =
        api()
            .post(
                "/api/v1/consultations/" + id + "/comments",
                api().answered("{\"contact\":\"1\",\"body\":\"迟到的意见\"}"),
                null,
                null);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.headers().getContentType().toString()).contains("application/problem+json");
    assertThat(late.<String>json("$.detail")).contains("已于").contains("结束");
    assertThat(
            api()
                .get("/api/v1/consultations?state=closed&agency=" + f.agency().code())
                .<List<Integer>>json("$[*].id"))
        .containsExactly((int) id);

    assertThat(
            api()
                .post(
                    "/api/v1/admin/consultations/" + id + "/feedback",
                    "{\"text\":\"感谢\"}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    moderate(f, admin + first + "/adoption", "{\"adoption\":\"ADOPTED\",\"reason\":\"已增加第四条\"}");
    moderate(
        f, admin + third + "/adoption", "{\"adoption\":\"NOT_ADOPTED\",\"reason\":\"施行日期另行公布\"}");
    long finalDocument = publishFinal(f);
    moderate(
        f,
        "/api/v1/admin/consultations/" + id + "/feedback",
        "{\"text\":\"共收到意见3条，公开2条。\",\"finalDocument\":" + finalDocument + "}");
    Api.Response done = api().get("/api/v1/consultations/" + id);
    assertThat(done.<Integer>json("$.feedback.adopted")).isEqualTo(1);
    assertThat(done.<Integer>json("$.feedback.notAdopted")).isEqualTo(1);
    assertThat(done.<Integer>json("$.finalDocumentId")).isEqualTo((int) finalDocument);
    String documentPage =
        mvc.perform(get("/documents/" + finalDocument))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(documentPage).contains("/consultations/" + id, "征求意见及采纳情况");
    String page =
        mvc.perform(get("/consultations/" + id)).andReturn().getResponse().getContentAsString();
    assertThat(page)
        .contains("意见采纳情况", "采纳1条", "/documents/" + finalDocument, "已增加第四条")
        .doesNotContain("13800000001");

    byte[] xlsx =
        RestClient.create()
            .get()
            .uri(
                "http://localhost:" + port + "/api/v1/admin/consultations/" + id + "/comments.xlsx")
            .headers(h -> h.setBasicAuth(f.reviewer().username(), PASSWORD))
            .retrieve()
            .body(byte[].class);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
      assertThat(book.getSheetAt(0).getRow(2).getCell(6).getStringCellValue())
          .isEqualTo("与草案无关的广告");
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'consultation-comment'")
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(7);
  }

  @Test
  void thePortalFormAsksAQuestionAPersonCanAnswerWithoutJavaScript() throws Exception {
    Fixture f = newAgency();
    long id =
        create(
            f, "PUBLIC_NOTICE", "PUBLIC", today(), calendar.current().addWorkingDays(today(), 5));
    String page =
        mvc.perform(get("/consultations/" + id)).andReturn().getResponse().getContentAsString();
    Matcher q = Pattern.compile("(\\d+)加(\\d+)等于多少").matcher(page);
    assertThat(q.find()).isTrue();
    Matcher token = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).isTrue();
    String wrong =
        mvc.perform(
                post("/consultations/" + id + "/comments")
                    .with(csrf())
                    .param("body", "同意公示内容")
                    .param("contact", "13800000000")
                    .param("challengeToken", token.group(1))
                    .param("challengeAnswer", "99"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(wrong).contains("验证题答案不正确", "同意公示内容");
    int answer = Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2));
    var ok =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/consultations/" + id + "/comments")
                    .file(
                        new MockMultipartFile(
                            "attachment", "意见.pdf", "application/pdf", onePagePdf()))
                    .with(csrf())
                    .param("body", "同意公示内容")
                    .param("contact", "13800000000")
                    .param("challengeToken", token.group(1))
                    .param("challengeAnswer", String.valueOf(answer)))
            .andReturn();
    assertThat(ok.getResponse().getContentAsString()).contains("意见已收到");
    assertThat(ok.getModelAndView().getModel().get("notice"))
        .isEqualTo("consultation.comment.received");
    assertThat(ok.getRequest().getSession(false)).isNull();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    long comment =
        jdbc.sql("SELECT id FROM consultation_comment WHERE consultation_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    var staffDownload =
        mvc.perform(
                get("/console/consultations/" + id + "/comments/" + comment + "/attachment")
                    .session(login(f.reviewer().username())))
            .andReturn()
            .getResponse();
    assertThat(staffDownload.getContentAsByteArray())
        .as("a PDF without scripts is kept as sent")
        .isEqualTo(onePagePdf());
    assertThat(
            mvc.perform(
                    get("/console/consultations/" + id + "/comments/" + comment + "/attachment")
                        .session(login(newAgency().editor().username())))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void aReviewerCannotPublishTheirOwnCallUnlessTheOfficeWaivedFourEyes() {
    Fixture f = newAgency();
    String json =
        "{\"agency\":\""
            + f.agency().code()
            + "\",\"kind\":\"PUBLIC_NOTICE\",\"scope\":\"PUBLIC\","
            + "\"title\":\"公示\",\"draftText\":\"内容\",\"opensOn\":\""
            + today()
            + "\",\"closesOn\":\""
            + calendar.current().addWorkingDays(today(), 5)
            + "\"}";
    long own =
        ((Number)
                api()
                    .post("/api/v1/admin/consultations", json, f.reviewer().username(), PASSWORD)
                    .json("$.id"))
            .longValue();
    Api.Response refused =
        api()
            .post(
                "/api/v1/admin/consultations/" + own + "/publish",
                null,
                f.reviewer().username(),
                PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("双人审核");

    agencies.setFourEyesWaived(f.agency().id(), true, "本机关仅一名工作人员（市政务公开办批复）", "admin");
    assertThat(
            api()
                .post(
                    "/api/v1/admin/consultations/" + own + "/publish",
                    null,
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_record WHERE subject_type = 'consultation' AND subject_id = ?"
                        + " AND action = 'consultation.published'")
                .param(String.valueOf(own))
                .query(String.class)
                .single())
        .isEqualTo("[four eyes waived]");
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_record WHERE subject_type = 'agency' AND subject_id = ?"
                        + " AND action = 'agency.four-eyes.waived'")
                .param(String.valueOf(f.agency().id()))
                .query(String.class)
                .single())
        .contains("仅一名工作人员");
  }

  @Test
  void anInternalNoticeIsSeenOnlyByTheAgencysStaff() throws Exception {
    Fixture f = newAgency();
    Fixture other = newAgency();
    long id =
        create(
            f, "PUBLIC_NOTICE", "INTERNAL", today(), calendar.current().addWorkingDays(today(), 5));
    assertThat(api().get("/api/v1/consultations/" + id).status()).isEqualTo(404);
    assertThat(
            api().get("/api/v1/consultations?agency=" + f.agency().code()).<List<Object>>json("$"))
        .isEmpty();
    assertThat(
            api()
                .post(
                    "/api/v1/consultations/" + id + "/comments",
                    api().answered("{\"contact\":\"1\",\"body\":\"x\"}"),
                    null,
                    null)
                .status())
        .isEqualTo(404);
    assertThat(
            mvc.perform(get("/consultations/" + id).session(login(other.editor().username())))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    MockHttpSession mine = login(f.reviewer().username());
    assertThat(
            mvc.perform(get("/consultations/" + id).session(mine))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("关于修订城市绿化管理办法的征求意见稿");
  }

  private MockHttpSession login(String username) throws Exception {
    var result =
        mvc.perform(
                post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
            .andReturn();
    return (MockHttpSession) result.getRequest().getSession();
  }

  private long comment(long id, String json) {
    Api.Response r =
        api().post("/api/v1/consultations/" + id + "/comments", api().answered(json), null, null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((Number) r.json("$.id")).longValue();
  }

  @Test
  void severalCommentsAreModeratedAtOnceFromTheConsultationsPage() throws Exception {
    Fixture f = newAgency();
    LocalDate today = today();
    long id =
        create(
            f, "CALL_FOR_COMMENTS", "PUBLIC", today, calendar.current().addWorkingDays(today, 20));
    long first = comment(id, "{\"contact\":\"13800000001\",\"body\":\"建议一\"}");
    long second = comment(id, "{\"contact\":\"13800000002\",\"body\":\"建议二\"}");
    long third = comment(id, "{\"contact\":\"13800000003\",\"body\":\"广告\"}");
    var reviewer = login(f.reviewer().username());
    String page =
        mvc.perform(get("/console/consultations/" + id).session(reviewer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "id=\"moderate-several\"", "form=\"moderate-several\"", "id=\"pick-" + first + "\"");

    var withoutReason =
        mvc.perform(
                post("/console/consultations/" + id + "/moderate-several")
                    .session(reviewer)
                    .with(csrf())
                    .param("comments", Long.toString(third))
                    .param("state", "HIDDEN"))
            .andReturn();
    assertThat(withoutReason.getFlashMap().get("refusal"))
        .isEqualTo("consultation.moderation.reason");

    var published =
        mvc.perform(
                post("/console/consultations/" + id + "/moderate-several")
                    .session(reviewer)
                    .with(csrf())
                    .param("comments", Long.toString(first), Long.toString(second))
                    .param("state", "PUBLISHED"))
            .andReturn();
    assertThat(published.getResponse().getRedirectedUrl())
        .isEqualTo("/console/consultations/" + id);
    assertThat((Object[]) published.getFlashMap().get("noticeArgs")).containsExactly(2);
    assertThat(api().get("/api/v1/consultations/" + id).<List<String>>json("$.comments[*].body"))
        .containsExactlyInAnyOrder("建议一", "建议二");
    assertThat(
            jdbc.sql("SELECT state FROM consultation_comment WHERE id = ?")
                .param(third)
                .query(String.class)
                .single())
        .isEqualTo("PENDING");
  }

  private void moderate(Fixture f, String path, String json) {
    Api.Response r = api().post(path, json, f.reviewer().username(), PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private long publishFinal(Fixture f) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), ColumnType.POLICY).orElseThrow().id());
    form.setTitle("城市绿化管理办法");
    form.setBody("<p>正文</p>");
    return editorial.importPublished(form, Instant.now().minusSeconds(60), List.of(), admin());
  }

  private static byte[] pdf;

  /** One page, made once: each save writes a new document ID. */
  private static synchronized byte[] onePagePdf() throws IOException {
    if (pdf == null) {
      try (var document = new PDDocument()) {
        document.addPage(new PDPage());
        var out = new ByteArrayOutputStream();
        document.save(out);
        pdf = out.toByteArray();
      }
    }
    return pdf;
  }
}
