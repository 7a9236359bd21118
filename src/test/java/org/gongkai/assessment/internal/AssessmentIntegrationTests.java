package org.gongkai.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.shared.web.Refusal;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The annual assessment on a scenario whose every automatic indicator was counted by hand; the
 * final result stored and unchanged afterwards; who sees what; the scheme's spreadsheet. Each test
 * assesses its own year below its own office, so that they share the running platform.
 */
abstract class AssessmentIntegrationTests extends PlatformIntegrationTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired Assessments assessments;

  @Autowired AssessmentEntries entries;

  @Autowired AssessmentReview review;

  @Autowired Schemes schemes;

  @Autowired SchemeWorkbook workbook;

  /**
   * The scenario of {@link #seed}: each indicator's points, worked out from the records by hand.
   */
  static final Map<String, String> BY_HAND =
      Map.ofEntries(
          Map.entry(
              "1.1",
              "7.50"), // 4 proactive disclosures in the year, 1 published after 20 working days: 10
          // × 3/4
          Map.entry("1.2", "5.67"), // monitor 80, 90 and a vetoed day (0): 10 × 170/300
          Map.entry("1.3", "10.00"), // assessor's item not scored: full points
          Map.entry("2.1", "3.50"), // 2 policy documents, 1 interpreted: 7 × 1/2
          Map.entry("3.1", "3.00"), // 4 messages due, 2 answered by their due day: 6 × 2/4
          Map.entry(
              "3.2", "3.00"), // 1 message still unanswered past due at the year's end: 4 − 1 × 1
          Map.entry("3.3", "1.50"), // 2 calls closed, 1 with feedback: 3 × 1/2
          Map.entry("3.4", "1.00"), // 2 leaders, 1 in an interview: 2 × 1/2
          Map.entry("4.1", "9.00"), // 4 requests concluded, 3 on time: 12 × 3/4
          Map.entry(
              "4.2", "2.50"), // 1 case concluded in the year corrected the agency: 5 − 1 × 2.5
          Map.entry(
              "5.1",
              "3.50"), // report published after 31 January (0.3) with consistent figures (0.4): 5 ×
          // 0.7
          Map.entry("5.2", "3.75")); // 9 of 12 monthly reports filed: 5 × 9/12

  /** 23.17 + 6.50 + 8.50 + 14.50 + 7.25 + 15.00 */
  static final String TOTAL_BY_HAND = "74.92";

  @Test
  void eachAutomaticIndicatorIsCountedFromTheRecordsWithItsEvidence() {
    Fixture office = newAgency();
    Fixture a = newAgency(office.agency().id());
    Fixture b = newAgency(office.agency().id());
    int year = 2019;
    seed(a, year);
    assessments.create(year, office.agency().code(), admin());

    Assessments.Standing standing = assessments.standing(year, admin());
    assertThat(standing.results())
        .extracting(Scoring.AgencyResult::agency)
        .containsExactlyInAnyOrder(a.agency().code(), b.agency().code());
    Scoring.AgencyResult result = result(standing, a);
    BY_HAND.forEach(
        (code, points) ->
            assertThat(result.item(code).points()).as(code).isEqualByComparingTo(points));
    assertThat(result.total()).isEqualByComparingTo(TOTAL_BY_HAND);
    assertThat(result.max()).isEqualByComparingTo("100");
    assertThat(result.item("1.1").source()).isEqualTo(Scoring.Source.AUTO);
    assertThat(result.item("1.3").source()).isEqualTo(Scoring.Source.MANUAL);
    assertThat(result.item("1.1").evidence().links())
        .extracting(Evidence.Link::label)
        .containsExactly("迟发的通知");
    assertThat(result.item("1.1").evidence().args()).containsExactly("4", "3", "75.0");
    assertThat(result.item("2.1").evidence().links())
        .extracting(Evidence.Link::label)
        .containsExactly("未解读的规范性文件");
    assertThat(result.item("4.1").evidence().links())
        .extracting(Evidence.Link::label)
        .containsExactly("LATE-" + a.agency().code().substring(8));
    assertThat(result.item("5.2").evidence().links())
        .extracting(Evidence.Link::label)
        .containsExactly(year + "-10", year + "-11", year + "-12");
    assertThat(result.item("3.2").evidence().args()).contains(year + "-12-31", year + "-03-01");
    assertThat(result.item("5.1").evidence().links().get(1).href())
        .startsWith("/console/documents/");
    assertThat(result.rank())
        .isEqualTo(2)
        .as("the empty agency answers for nothing and keeps more points");

    // The assessor's entries: an item scored with its reason, a deduction, and a veto for the other
    // agency.
    entries.enter(
        year,
        a.agency().code(),
        "1.3",
        new BigDecimal("8"),
        "重点领域缺一项",
        "清单.pdf",
        "%PDF-1.4\n%%EOF".getBytes(),
        admin());
    entries.enter(
        year, a.agency().code(), "D1", new BigDecimal("2.5"), "被通报一次", null, null, admin());
    entries.enter(year, b.agency().code(), "V1", null, "泄密事件", null, null, admin());
    standing = assessments.standing(year, admin());
    Scoring.AgencyResult entered = result(standing, a);
    assertThat(entered.total()).isEqualByComparingTo("70.42");
    assertThat(entered.item("1.3").evidence().links())
        .extracting(Evidence.Link::href)
        .containsExactly(
            "/console/assessments/" + year + "/agencies/" + a.agency().code() + "/files/1.3");
    assertThat(entered.rank()).isEqualTo(1);
    assertThat(result(standing, b).vetoed()).isTrue();
    assertThat(result(standing, b).rank()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                entries.enter(
                    year,
                    a.agency().code(),
                    "1.3",
                    new BigDecimal("11"),
                    "超出",
                    null,
                    null,
                    admin()))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(
            () ->
                entries.enter(
                    year, a.agency().code(), "1.3", new BigDecimal("5"), " ", null, null, admin()))
        .isInstanceOf(Refusal.class);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'assessment.entry.saved'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void aFinalResultIsStoredAndNeitherTheSchemeNorTheRecordsChangeItLater() {
    Fixture office = newAgency();
    Fixture a = newAgency(office.agency().id());
    newAgency(office.agency().id());
    int year = 2018;
    seed(a, year);
    assessments.create(year, office.agency().code(), admin());
    clock.travelTo(LocalDate.of(2026, 3, 2));
    review.release(year, LocalDate.of(2026, 3, 6), admin());
    long objection = review.object(year, a.agency().code(), "1.2", "监测结果有误", a.reviewer());
    assertThatThrownBy(() -> review.finalise(year, admin()))
        .isInstanceOf(Refusal.class)
        .hasFieldOrPropertyWithValue("messageKey", "assessment.finalise.period-open");
    clock.travelTo(LocalDate.of(2026, 3, 7));
    assertThatThrownBy(() -> review.object(year, a.agency().code(), null, "晚了", a.reviewer()))
        .isInstanceOf(Refusal.class)
        .hasFieldOrPropertyWithValue("messageKey", "assessment.objection.period-over");
    assertThatThrownBy(() -> review.finalise(year, admin()))
        .isInstanceOf(Refusal.class)
        .hasFieldOrPropertyWithValue("messageKey", "assessment.finalise.objections-open");
    review.answer(year, objection, "REJECTED", "监测记录完整，维持原评分", admin());
    review.finalise(year, admin());
    Scoring.AgencyResult before = result(assessments.standing(year, admin()), a);
    assertThat(before.total()).isEqualByComparingTo(TOTAL_BY_HAND);

    // The scheme changes, a late document and a late request are added: the stored result stays.
    List<SchemeCheck.Row> rows = new ArrayList<>(Schemes.rows(schemes.get(year)));
    rows.replaceAll(
        r ->
            r.code().equals("1.1")
                ? new SchemeCheck.Row(
                    r.row(),
                    r.code(),
                    r.parent(),
                    "改名的指标",
                    r.kind(),
                    r.weight(),
                    "20",
                    r.rule(),
                    r.parameter(),
                    r.criterion())
                : r);
    schemes.replace(year, rows, admin(), "assessment.scheme.imported");
    document(
        a,
        ColumnType.NOTICE,
        DocumentKind.GENERAL,
        "又一份迟发的通知",
        LocalDate.of(year, 1, 3),
        LocalDate.of(year, 8, 1));
    request(
        a,
        "LATE2-" + a.agency().code().substring(8),
        LocalDate.of(year, 4, 1),
        LocalDate.of(year, 4, 29),
        LocalDate.of(year, 6, 1));
    Scoring.AgencyResult after = result(assessments.standing(year, admin()), a);
    assertThat(after.total()).isEqualByComparingTo(before.total());
    assertThat(after.item("1.1").name()).isEqualTo(before.item("1.1").name()).isNotEqualTo("改名的指标");
    assertThat(after.item("1.1").points()).isEqualByComparingTo("7.50");
    assertThat(after.item("1.1").max()).isEqualByComparingTo("10");
    assertThat(after.items()).hasSameSizeAs(before.items());
    assertThat(after.item("1.1").evidence()).isEqualTo(before.item("1.1").evidence());
    assertThatThrownBy(
            () ->
                entries.enter(
                    year, a.agency().code(), "1.3", BigDecimal.ONE, "改分", null, null, admin()))
        .isInstanceOf(Refusal.class)
        .hasFieldOrPropertyWithValue("messageKey", "assessment.final");

    review.publish(year, true, admin());
    Api.Response page = api().get("/assessments/" + year);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(a.agency().name(), TOTAL_BY_HAND);
  }

  @Test
  void theOfficeSeesEveryAgencyAndAnAgencyItsOwnOnceReleased() {
    Fixture office = newAgency();
    Fixture a = newAgency(office.agency().id());
    Fixture b = newAgency(office.agency().id());
    int year = 2017;
    assessments.create(year, office.agency().code(), admin());
    String path = "/api/v1/admin/assessments/" + year;

    Api.Response all = api().get(path, "admin", ADMIN_PASSWORD);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.<List<String>>json("$.agencies[*].agency"))
        .containsExactlyInAnyOrder(a.agency().code(), b.agency().code());
    assertThat(all.<Boolean>json("$.final")).isFalse();
    assertThat(all.<String>json("$.scheme")).isEqualTo(year + "年度政务公开工作考核指标体系");
    assertThat(all.body()).doesNotContain("isFinal");
    assertThat(all.<List<String>>json("$.agencies[0].items[*].source")).contains("AUTO", "MANUAL");
    assertThat(all.<Object>json("$.agencies[0].items[0].evidence")).isNotNull();
    assertThat(api().get(path, a.editor().username(), PASSWORD).status())
        .as("a draft is the office's own")
        .isEqualTo(404);
    assertThat(api().get("/assessments/" + year).status()).isEqualTo(404);

    review.release(year, clock.today().plusDays(5), admin());
    Api.Response own = api().get(path, a.editor().username(), PASSWORD);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.<List<String>>json("$.agencies[*].agency")).containsExactly(a.agency().code());
    assertThat(own.<Integer>json("$.agencies[0].rank")).isPositive();
    assertThat(
            api()
                .get(path, office.agencyAdmin().username(), PASSWORD)
                .<List<String>>json("$.agencies[*].agency"))
        .as("the office's agency's staff see the agencies below it")
        .containsExactlyInAnyOrder(a.agency().code(), b.agency().code());
    Fixture stranger = newAgency();
    assertThat(
            api()
                .get(path, stranger.editor().username(), PASSWORD)
                .<List<String>>json("$.agencies"))
        .isEmpty();
    assertThatThrownBy(() -> review.object(year, b.agency().code(), null, "不是我的", a.reviewer()))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> review.object(year, a.agency().code(), null, "编辑不能提异议", a.editor()))
        .isInstanceOf(Refusal.class);
    assertThat(api().get(path + ".xlsx", a.editor().username(), PASSWORD).status())
        .isNotEqualTo(200);
  }

  @Test
  void aSchemeGoesOutAndComesBackAsASpreadsheetUnchanged() {
    int year = 2016;
    Scheme original = schemes.create(year, admin());
    byte[] file = workbook.export(original, Locale.SIMPLIFIED_CHINESE);
    schemes.create(year + 50, admin());
    Scheme imported = workbook.importWorkbook(year + 50, file, admin());
    assertThat(imported.indicators()).isEqualTo(original.indicators());
    assertThat(imported.maxPoints()).isEqualByComparingTo("100");
    byte[] english = workbook.export(original, Locale.ENGLISH);
    assertThat(workbook.importWorkbook(year + 50, english, admin()).indicators())
        .isEqualTo(original.indicators());
  }

  @Test
  void aSpreadsheetWithBadRowsImportsNothingAndNamesEveryProblem() throws Exception {
    int year = 2015;
    Scheme original = schemes.create(year, admin());
    byte[] file;
    try (var book = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = book.createSheet();
      String[][] rows = {
        {"编号", "上级编号", "指标名称", "类型", "权重", "分值", "规则", "每项扣分", "评分标准"},
        {"1", "", "主动公开", "分类", "1", "", "", "", ""},
        {"1.1", "1", "公开时效", "指标", "1", "10", "PROACTIVE_ON_TIME", "", ""},
        {"1.2", "9", "挂错上级", "指标", "1", "5", "", "", ""},
        {"1.3", "1", "", "指标", "1", "abc", "", "", ""},
        {"1.1", "1", "重复编号", "未知类型", "1", "5", "NO_SUCH_RULE", "", ""},
        {"1.4", "1", "缺少扣分参数", "指标", "1", "5", "CASES_CORRECTED", "", ""}
      };
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      book.write(out);
      file = out.toByteArray();
    }
    assertThatThrownBy(() -> workbook.importWorkbook(year, file, admin()))
        .isInstanceOfSatisfying(
            Schemes.SchemeRefused.class,
            refused -> {
              assertThat(refused.problems())
                  .extracting(Schemes.RowProblem::row)
                  .containsExactlyInAnyOrder(4, 5, 5, 6, 6, 6, 7);
              assertThat(refused.problems())
                  .extracting(Schemes.RowProblem::message)
                  .anySatisfy(m -> assertThat(m).contains("9"))
                  .anySatisfy(m -> assertThat(m).contains("abc"))
                  .anySatisfy(m -> assertThat(m).contains("未知类型"))
                  .anySatisfy(m -> assertThat(m).contains("NO_SUCH_RULE"));
            });
    assertThat(schemes.get(year).indicators()).isEqualTo(original.indicators());
    assertThatThrownBy(() -> workbook.importWorkbook(year, "not a workbook".getBytes(), admin()))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void theConsolePagesShowTheYearAndTheirFormsTakeEachStep() throws Exception {
    Fixture office = newAgency();
    Fixture a = newAgency(office.agency().id());
    newAgency(office.agency().id());
    int year = 2014;
    var mvc = consoleMvc();
    var adminSession =
        (MockHttpSession)
            mvc.perform(
                    post("/login")
                        .with(csrf())
                        .param("username", "admin")
                        .param("password", ADMIN_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(
        post("/console/assessments")
            .with(csrf())
            .session(adminSession)
            .param("year", String.valueOf(year))
            .param("office", office.agency().code()));
    String base = "/console/assessments/" + year;
    assertThat(page(mvc, adminSession, "/console/assessments")).contains(year + "年度政务公开考核");
    assertThat(page(mvc, adminSession, base))
        .contains(a.agency().name(), "主动公开", "table-trend", "初评中");
    String agencyPage = base + "/agencies/" + a.agency().code();
    assertThat(page(mvc, adminSession, agencyPage)).contains("主动公开时效", "考核人员尚未评分，暂按满分计");
    var upload =
        new MockMultipartFile("file", "证明.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes());
    mvc.perform(
        multipart(base + "/entries")
            .file(upload)
            .with(csrf())
            .session(adminSession)
            .param("agency", a.agency().code())
            .param("indicator", "6.2")
            .param("points", "3.5")
            .param("reason", "培训不足"));
    assertThat(page(mvc, adminSession, agencyPage)).contains("考核人员评分：培训不足", "/files/6.2");
    assertThat(
            mvc.perform(get(agencyPage + "/files/6.2").session(adminSession))
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .startsWith("%PDF".getBytes());
    mvc.perform(
        multipart(base + "/entries")
            .with(csrf())
            .session(adminSession)
            .param("agency", a.agency().code())
            .param("indicator", "6.2")
            .param("points", "9")
            .param("reason", "超出"));
    assertThat(page(mvc, adminSession, agencyPage)).contains("得分应在 0 至 5 之间");
    assertThat(page(mvc, adminSession, base + "/compare?indicator=6.2"))
        .contains("3.50", "table-compare");
    assertThat(page(mvc, adminSession, "/console/assessments/schemes/" + year))
        .contains("20个工作日内主动公开的比例");
    mvc.perform(
        post("/console/assessments/schemes/" + year + "/indicators")
            .with(csrf())
            .session(adminSession)
            .param("code", "7")
            .param("parent", "9")
            .param("name", "")
            .param("kind", "ITEM")
            .param("max", "x"));
    String refused = page(mvc, adminSession, "/console/assessments/schemes/" + year);
    assertThat(refused).contains("指标体系未保存：发现 3 处问题", "上级编号「9」不存在", "「x」不是数字");

    var xlsx = mvc.perform(get(base + ".xlsx").session(adminSession)).andReturn().getResponse();
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3);
      assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isNotBlank();
    }
    var docx =
        mvc.perform(get(agencyPage + ".docx").session(adminSession)).andReturn().getResponse();
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
      assertThat(doc.getParagraphs().get(0).getText())
          .contains(String.valueOf(year), a.agency().name());
      assertThat(doc.getTables().get(0).getText()).contains("培训不足");
    }

    mvc.perform(
        post(base + "/release")
            .with(csrf())
            .session(adminSession)
            .param("until", clock.today().toString()));
    var reviewer = consoleSession(mvc, a.reviewer().username());
    assertThat(page(mvc, reviewer, agencyPage)).contains("提出异议");
    mvc.perform(
        post(base + "/objections")
            .with(csrf())
            .session(reviewer)
            .param("agency", a.agency().code())
            .param("indicator", "6.2")
            .param("text", "我局全年培训三次"));
    assertThat(page(mvc, adminSession, base)).contains("我局全年培训三次", "采纳");
    assertThat(page(mvc, adminSession, "/console")).contains("待答复的考核异议");
  }

  private static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
    var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  // ---- the scenario ----

  /** The records behind {@link #BY_HAND}, all in {@code year} unless said otherwise. */
  private void seed(Fixture f, int year) {
    long agency = f.agency().id();
    // Monitor: two passing days and a vetoed one.
    monitorRun(agency, LocalDate.of(year, 3, 1), 80, false);
    monitorRun(agency, LocalDate.of(year, 6, 1), 90, false);
    monitorRun(agency, LocalDate.of(year, 9, 1), 95, true);
    monitorRun(agency, LocalDate.of(year + 1, 1, 5), 10, false);
    // Documents: two policies (one interpreted), the interpretation, a late notice; one from the
    // year before.
    long interpreted =
        document(
            f,
            ColumnType.POLICY,
            DocumentKind.NORMATIVE_DOCUMENT,
            "已解读的规范性文件",
            LocalDate.of(year, 2, 1),
            LocalDate.of(year, 2, 10));
    document(
        f,
        ColumnType.POLICY,
        DocumentKind.NORMATIVE_DOCUMENT,
        "未解读的规范性文件",
        LocalDate.of(year, 4, 1),
        LocalDate.of(year, 4, 8));
    DocumentForm interpretation =
        form(
            f,
            ColumnType.INTERPRETATION,
            DocumentKind.INTERPRETATION,
            "政策解读",
            LocalDate.of(year, 2, 10));
    interpretation.setInterpretationOf(new ArrayList<>(List.of(interpreted)));
    editorial.importPublished(interpretation, at(LocalDate.of(year, 2, 11)), List.of(), admin());
    document(
        f,
        ColumnType.NOTICE,
        DocumentKind.GENERAL,
        "迟发的通知",
        LocalDate.of(year, 3, 1),
        LocalDate.of(year, 6, 1));
    document(
        f,
        ColumnType.NOTICE,
        DocumentKind.GENERAL,
        "上一年的通知",
        LocalDate.of(year - 1, 3, 1),
        LocalDate.of(year - 1, 12, 1));
    document(
        f,
        ColumnType.ANNUAL_REPORT,
        DocumentKind.GENERAL,
        year + "年政府信息公开工作年度报告",
        LocalDate.of(year + 1, 2, 9),
        LocalDate.of(year + 1, 2, 10));
    // Requests: three on time, one late, one concluded the year before.
    String code = f.agency().code().substring(8);
    request(
        f,
        "OK1-" + code,
        LocalDate.of(year, 2, 1),
        LocalDate.of(year, 3, 1),
        LocalDate.of(year, 2, 20));
    request(
        f,
        "OK2-" + code,
        LocalDate.of(year, 5, 1),
        LocalDate.of(year, 6, 1),
        LocalDate.of(year, 6, 1));
    request(
        f,
        "OK3-" + code,
        LocalDate.of(year, 11, 1),
        LocalDate.of(year, 12, 1),
        LocalDate.of(year, 11, 5));
    request(
        f,
        "LATE-" + code,
        LocalDate.of(year, 7, 1),
        LocalDate.of(year, 7, 29),
        LocalDate.of(year, 8, 5));
    request(
        f,
        "OLD-" + code,
        LocalDate.of(year - 1, 12, 1),
        LocalDate.of(year - 1, 12, 29),
        LocalDate.of(year - 1, 12, 30));
    // Cases: one corrected in the year, one upheld, one corrected the year after.
    reportCase(agency, "复议1", "CORRECTED", LocalDate.of(year, 5, 1));
    reportCase(agency, "复议2", "UPHELD", LocalDate.of(year, 6, 1));
    reportCase(agency, "诉讼1", "CORRECTED", LocalDate.of(year + 1, 2, 1));
    // Monthly reports: January to September filed.
    for (int m = 1; m <= 9; m++) {
      jdbc.sql(
              "INSERT INTO foi_monthly_report (agency_id, report_month, zero_report, filed_by, filed_at) VALUES (?, ?, TRUE, 'test', ?)")
          .params(agency, String.format("%d-%02d", year, m), OffsetDateTime.now())
          .update();
    }
    // Messages: on time, late, never answered, on time; one not due at the year's end is left out.
    message(
        f, "M1", LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 24), LocalDate.of(year, 1, 20));
    message(f, "M2", LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 15), LocalDate.of(year, 3, 1));
    message(f, "M3", LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 15), null);
    message(
        f, "M4", LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 15), LocalDate.of(year, 6, 15));
    message(f, "M5", LocalDate.of(year, 12, 28), LocalDate.of(year + 1, 1, 10), null);
    // Calls for comments: one with feedback, one without, one closing the year after.
    consultation(agency, "有反馈的征求意见", LocalDate.of(year, 4, 30), true);
    consultation(agency, "无反馈的征求意见", LocalDate.of(year, 9, 30), false);
    consultation(agency, "次年截止的征求意见", LocalDate.of(year + 1, 1, 15), false);
    // Leaders: two, one of whom took part in an interview in the year.
    long head = leader(agency, "张局长", "HEAD");
    leader(agency, "李副局长", "DEPUTY");
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO interview (agency_id, kind, held_on, channel, topic, questions_received,"
                + " questions_answered, published, created_by, created_at) VALUES (?, 'ONLINE_INTERVIEW', ?, '网站', '访谈', 1, 1,"
                + " TRUE, 'test', ?)")
        .params(agency, LocalDate.of(year, 5, 20), OffsetDateTime.now())
        .update(keys, "id");
    jdbc.sql("INSERT INTO interview_leader (interview_id, leader_id) VALUES (?, ?)")
        .params(keys.getKey().longValue(), head)
        .update();
  }

  private void monitorRun(long agency, LocalDate on, int score, boolean vetoed) {
    jdbc.sql(
            "INSERT INTO monitor_run (site_id, agency_id, run_on, score, vetoed, findings, ran_at)"
                + " VALUES ((SELECT MIN(id) FROM site), ?, ?, ?, ?, 0, ?)")
        .params(agency, on, score, vetoed, OffsetDateTime.now())
        .update();
  }

  private long document(
      Fixture f,
      ColumnType column,
      DocumentKind kind,
      String title,
      LocalDate issued,
      LocalDate published) {
    return editorial.importPublished(
        form(f, column, kind, title, issued), at(published), List.of(), admin());
  }

  private DocumentForm form(
      Fixture f, ColumnType column, DocumentKind kind, String title, LocalDate issued) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), column).orElseThrow().id());
    form.setTitle(title);
    form.setKind(kind);
    form.setIssuedOn(issued);
    form.setDisclosureMode(DisclosureMode.PROACTIVE);
    if (kind == DocumentKind.NORMATIVE_DOCUMENT) {
      form.setDocNumber(
          "测规〔" + issued.getYear() + "〕" + (title.length() + issued.getMonthValue()) + "号");
    }
    form.setBody("<p>正文。</p>");
    return form;
  }

  private static Instant at(LocalDate day) {
    return day.atTime(10, 0).atZone(SHANGHAI).toInstant();
  }

  private void request(
      Fixture f, String code, LocalDate received, LocalDate due, LocalDate concluded) {
    jdbc.sql(
            "INSERT INTO foi_request (agency_id, tracking_code, fingerprint, intake_channel, applicant_type, applicant_name,"
                + " id_type, description, information_form, delivery_channel, state, submitted_at, received_on, due_on, outcome,"
                + " concluded_on, updated_at) VALUES (?, ?, ?, 'ONLINE', 'NATURAL_PERSON', '申请人', 'RESIDENT_ID', '描述', 'ELECTRONIC',"
                + " 'ONLINE', 'CLOSED', ?, ?, ?, 'DISCLOSED', ?, ?)")
        .params(
            f.agency().id(),
            code,
            code,
            OffsetDateTime.now(),
            received,
            due,
            concluded,
            OffsetDateTime.now())
        .update();
  }

  private void reportCase(long agency, String reference, String result, LocalDate concluded) {
    jdbc.sql(
            "INSERT INTO report_case (agency_id, kind, reference, filed_on, result, concluded_on, recorded_by, recorded_at)"
                + " VALUES (?, 'RECONSIDERATION', ?, ?, ?, ?, 'test', ?)")
        .params(
            agency, reference, concluded.minusMonths(2), result, concluded, OffsetDateTime.now())
        .update();
  }

  private void message(
      Fixture f, String code, LocalDate received, LocalDate due, LocalDate replied) {
    jdbc.sql(
            "INSERT INTO mailbox_message (agency_id, tracking_code, type, to_head, title, content, public_consent, state,"
                + " received_on, due_on, reply, replied_on, submitted_at) VALUES (?, ?, 'QUESTION', FALSE, '留言', '内容', FALSE, ?,"
                + " ?, ?, ?, ?, ?)")
        .params(
            f.agency().id(),
            code + f.agency().code().substring(8),
            replied == null ? "RECEIVED" : "REPLIED",
            received,
            due,
            replied == null ? null : "答复",
            replied,
            OffsetDateTime.now())
        .update();
  }

  private void consultation(long agency, String title, LocalDate closes, boolean feedback) {
    jdbc.sql(
            "INSERT INTO consultation (agency_id, kind, scope, title, draft_text, opens_on, closes_on, published,"
                + " feedback_text, feedback_at, created_by, created_at) VALUES (?, 'CALL_FOR_COMMENTS', 'PUBLIC', ?, '草案', ?, ?,"
                + " TRUE, ?, ?, 'test', ?)")
        .params(
            agency,
            title,
            closes.minusDays(30),
            closes,
            feedback ? "采纳情况" : null,
            feedback ? closes.plusDays(10).atTime(9, 0).atZone(SHANGHAI).toOffsetDateTime() : null,
            OffsetDateTime.now())
        .update();
  }

  private long leader(long agency, String name, String role) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO agency_leader (agency_id, name, title, role, active) VALUES (?, ?, '领导', ?, TRUE)")
        .params(agency, name, role)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private static Scoring.AgencyResult result(Assessments.Standing standing, Fixture f) {
    return standing.results().stream()
        .filter(r -> r.agency().equals(f.agency().code()))
        .findFirst()
        .orElseThrow();
  }
}
