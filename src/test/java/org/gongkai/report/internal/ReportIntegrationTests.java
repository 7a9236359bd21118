package org.gongkai.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.ColumnType;
import org.gongkai.agency.ReportLevel;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * A scenario with exact expected cells: a government and one of its departments, requests and
 * documents across the year boundary, figures entered by hand, and cases recorded.
 */
abstract class ReportIntegrationTests extends PlatformIntegrationTests {

  static final String RESIDENT_ID = "11010519491231002X";
  static final int YEAR = 2026;
  static final String USCC = OrganizationCodes.completeCreditCode("91350100MA2Y00001");

  record Scenario(Agency government, Agency department, Fixture fixture) {}

  Scenario scenario() {
    AgencyForm g = new AgencyForm();
    g.setCode(TestCodes.agencyCode());
    g.setName("测试县人民政府" + g.getCode().substring(10));
    Agency government = agencies.create(g, "test");
    Fixture f = newAgency(government.id());
    Agency department = f.agency();
    // Requests: entered by staff with the day they were received.
    long r1 = enter(f, department, "NATURAL_PERSON", "RESIDENT_ID", RESIDENT_ID, "2025-12-20");
    long r2 = enter(f, department, "COMMERCIAL_ENTERPRISE", "USCC", USCC, "2026-03-02");
    enter(f, department, "RESEARCH_INSTITUTION", "USCC", USCC, "2026-04-01");
    long r4 = enter(f, department, "NATURAL_PERSON", "RESIDENT_ID", RESIDENT_ID, "2026-05-06");
    long r5 = enter(f, government, "NATURAL_PERSON", "RESIDENT_ID", RESIDENT_ID, "2026-06-01");
    reply(f, r1, "{\"outcome\":\"DISCLOSED\"}");
    reply(f, r2, "{\"outcome\":\"UNAVAILABLE_NOT_HELD\",\"explanation\":\"经检索未找到\"}");
    reply(f, r4, "{\"outcome\":\"PARTLY_DISCLOSED\",\"explanation\":\"部分涉及个人隐私\"}");
    reply(admin(), r5, "{\"outcome\":\"NOT_PROCESSED_REPEAT\",\"explanation\":\"已于3月答复\"}");
    // Documents: a rule and normative documents issued, in force and repealed.
    publish(department, DocumentKind.RULE, "2026-02-01", Validity.VALID, null);
    publish(department, DocumentKind.NORMATIVE_DOCUMENT, "2026-03-01", Validity.VALID, null);
    publish(department, DocumentKind.NORMATIVE_DOCUMENT, "2025-01-01", Validity.VALID, null);
    publish(
        department, DocumentKind.NORMATIVE_DOCUMENT, "2024-05-01", Validity.REPEALED, "2026-08-01");
    return new Scenario(government, department, f);
  }

  private long enter(
      Fixture f, Agency agency, String type, String idType, String id, String receivedOn) {
    String json =
        "{\"application\":{\"agency\":\""
            + agency.code()
            + "\",\"applicantType\":\""
            + type
            + "\","
            + "\"name\":\"申请人\",\"idType\":\""
            + idType
            + "\",\"idNumber\":\""
            + id
            + "\",\"phone\":\"13812345678\","
            + "\"address\":\"测试路\",\"description\":\"某项信息\",\"deliveryChannel\":\"POST\"},\"channel\":\"POST\","
            + "\"receivedOn\":\""
            + receivedOn
            + "\"}";
    Api.Response r = api().post("/api/v1/admin/foi/requests", json, "admin", ADMIN_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
        .param((String) r.json("$.trackingCode"))
        .query(Long.class)
        .single();
  }

  private void reply(Object who, long id, String json) {
    Api.Response r =
        api().post("/api/v1/admin/foi/requests/" + id + "/reply", json, "admin", ADMIN_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private void publish(
      Agency agency, DocumentKind kind, String issuedOn, Validity validity, String repealedOn) {
    DocumentForm form = new DocumentForm();
    form.setAgency(agency.code());
    form.setColumn(this.agencies.column(agency.id(), ColumnType.POLICY).orElseThrow().id());
    form.setTitle("文件" + issuedOn);
    form.setKind(kind);
    form.setIssuedOn(LocalDate.parse(issuedOn));
    form.setValidity(validity);
    if (repealedOn != null) {
      form.setRepealedOn(LocalDate.parse(repealedOn));
    }
    form.setBody("<p>正文</p>");
    editorial.importPublished(form, Instant.parse(issuedOn + "T02:00:00Z"), List.of(), admin());
  }

  private Api.Response get(Fixture f, String path) {
    return api().get(path, f.reviewer().username(), PASSWORD);
  }

  @Test
  void theAnnualReportCountsEveryCellFromRecordedFactsAndPublishesOnlyWhenConsistent()
      throws Exception {
    Scenario s = scenario();
    Fixture f = s.fixture();
    String base = "/api/v1/admin/reports/annual?agency=" + s.department().code() + "&year=" + YEAR;
    Api.Response report = get(f, base);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.<String>json("$.format")).isEqualTo("V2021");
    assertThat(report.<String>json("$.level")).isEqualTo("DEPARTMENT");
    assertThat(report.<String>json("$.deadline")).isEqualTo("2027-01-31");
    Map<String, Object> cells = report.json("$.cells");
    assertThat(cells)
        .containsEntry("table3.RECEIVED.NATURAL_PERSON", 1)
        .containsEntry("table3.RECEIVED.COMMERCIAL_ENTERPRISE", 1)
        .containsEntry("table3.RECEIVED.RESEARCH_INSTITUTION", 1)
        .containsEntry("table3.RECEIVED.TOTAL", 3)
        .containsEntry("table3.CARRIED_OVER.NATURAL_PERSON", 1)
        .containsEntry("table3.CARRIED_OVER.TOTAL", 1)
        .containsEntry("table3.DISCLOSED.NATURAL_PERSON", 1)
        .containsEntry("table3.PARTLY_DISCLOSED.NATURAL_PERSON", 1)
        .containsEntry("table3.UNAVAILABLE_NOT_HELD.COMMERCIAL_ENTERPRISE", 1)
        .containsEntry("table3.NOT_PROCESSED_REPEAT.TOTAL", 0)
        .containsEntry("table3.TOTAL.NATURAL_PERSON", 2)
        .containsEntry("table3.TOTAL.TOTAL", 3)
        .containsEntry("table3.CARRIED_FORWARD.RESEARCH_INSTITUTION", 1)
        .containsEntry("table3.CARRIED_FORWARD.TOTAL", 1)
        .containsEntry("table2.ARTICLE_20_1.RULE.ISSUED", 1)
        .containsEntry("table2.ARTICLE_20_1.RULE.IN_FORCE", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.ISSUED", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.REPEALED", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.IN_FORCE", 2)
        .as("decisions and the fee total are counted from the register (none here)")
        .containsEntry("table2.ARTICLE_20_5.LICENSING.DECISIONS", 0)
        .containsEntry("table2.ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT", 0)
        .containsEntry("table4.RECONSIDERATION.TOTAL", 0);
    assertThat(cells).hasSize(6 + 4 + 25 * 7 + 15 + 3 + 3);
    assertThat(report.<List<String>>json("$.violations[*].rule"))
        .contains("TEXT_MISSING")
        .as("table 二 of the 2021 format is counted whole: nothing is missing")
        .doesNotContain("T2_MISSING", "T3_BALANCE", "T3_TOTAL", "T3_COLUMNS", "T4_TOTAL");
    String publication =
        "/api/v1/admin/reports/annual/publication?agency="
            + s.department().code()
            + "&year="
            + YEAR;
    assertThat(api().post(publication, null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(409);

    String figures =
        "/api/v1/admin/reports/annual/figures?agency=" + s.department().code() + "&year=" + YEAR;
    assertThat(
            api()
                .put(
                    figures,
                    "{\"ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT\":1}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .as("the register totals the fees: corrected with a reason, not entered")
        .isEqualTo(400);
    assertThat(
            api().put(figures, "{\"NO.SUCH.KEY\":1}", f.reviewer().username(), PASSWORD).status())
        .isEqualTo(400);
    assertThat(
            api()
                .put(
                    figures,
                    "{\"ARTICLE_20_5.LICENSING.DECISIONS\":120}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .as("the register counts decisions: they are corrected with a reason, not entered")
        .isEqualTo(400);
    Api.Response entered =
        api()
            .put(
                "/api/v1/admin/reports/annual/corrections?agency="
                    + s.department().code()
                    + "&year="
                    + YEAR,
                "{\"key\":\"ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT\",\"amount\":1.5,"
                    + "\"reason\":\"含不随许可决定收取的收费\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(entered.status()).as(entered.body()).isEqualTo(200);
    assertThat(entered.<List<String>>json("$.entered[*].by")).containsOnly(f.reviewer().username());
    assertThat(entered.<List<String>>json("$.entered[*].reason")).contains("含不随许可决定收取的收费");
    api()
        .put(
            "/api/v1/admin/reports/annual/sections/ONE?agency="
                + s.department().code()
                + "&year="
                + YEAR,
            "{\"text\":\"本年度，本局认真贯彻落实《条例》。\\n第二段。\"}",
            f.editor().username(),
            PASSWORD);
    api()
        .put(
            "/api/v1/admin/reports/annual/sections/FIVE?agency="
                + s.department().code()
                + "&year="
                + YEAR,
            "{\"text\":\"主要问题是信息更新不够及时。\"}",
            f.editor().username(),
            PASSWORD);
    Api.Response withoutSix = api().post(publication, null, f.reviewer().username(), PASSWORD);
    assertThat(withoutSix.status()).isEqualTo(409);
    assertThat(withoutSix.<String>json("$.detail")).contains("六、其他需要报告的事项");
    api()
        .put(
            "/api/v1/admin/reports/annual/sections/SIX?agency="
                + s.department().code()
                + "&year="
                + YEAR,
            "{\"text\":\"本年度无其他需要报告的事项。\"}",
            f.editor().username(),
            PASSWORD);
    Api.Response recorded =
        api()
            .post(
                "/api/v1/admin/reports/cases?agency=" + s.department().code(),
                "{\"kind\":\"RECONSIDERATION\",\"reference\":\"测复〔2026〕1号\",\"filedOn\":\"2026-03-01\",\"result\":\"UPHELD\","
                    + "\"concludedOn\":\"2026-05-01\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    api()
        .post(
            "/api/v1/admin/reports/cases?agency=" + s.department().code(),
            "{\"kind\":\"LITIGATION_DIRECT\",\"reference\":\"测行初〔2026〕2号\",\"filedOn\":\"2026-07-01\"}",
            f.reviewer().username(),
            PASSWORD);

    Api.Response ready = get(f, base);
    assertThat(ready.<List<Object>>json("$.violations")).isEmpty();
    Map<String, Object> done = ready.json("$.cells");
    assertThat(done)
        .containsEntry("table4.RECONSIDERATION.UPHELD", 1)
        .containsEntry("table4.RECONSIDERATION.TOTAL", 1)
        .containsEntry("table4.LITIGATION_DIRECT.PENDING", 1)
        .containsEntry("table4.LITIGATION_DIRECT.TOTAL", 1)
        .containsEntry("table2.ARTICLE_20_5.LICENSING.DECISIONS", 0)
        .containsEntry("table2.ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT", 1.5);

    byte[] docx = download(f, base + "&format=docx");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFTable> tables = doc.getTables();
      assertThat(tables).hasSize(6);
      XWPFTable three = tables.get(4);
      assertThat(three.getRow(0).getCell(0).getText()).contains("勾稽关系");
      assertThat(three.getRow(0).getCell(0).getCTTc().getTcPr().getGridSpan().getVal().intValue())
          .isEqualTo(3);
      assertThat(three.getRow(0).getCell(1).getText()).isEqualTo("申请人情况");
      assertThat(three.getRow(1).getCell(2).getText()).isEqualTo("法人或其他组织");
      assertThat(three.getRow(3).getCell(0).getText()).isEqualTo("一、本年新收政府信息公开申请数量");
      assertThat(three.getRow(3).getCell(1).getText()).isEqualTo("1");
      assertThat(three.getRow(3).getCell(7).getText()).isEqualTo("3");
      assertThat(three.getRow(5).getCell(0).getText()).isEqualTo("三、本年度办理结果");
      assertThat(three.getRow(5).getCell(1).getText()).isEqualTo("（一）予以公开");
      assertThat(three.getNumberOfRows()).isEqualTo(28);
      XWPFTable two = tables.get(0);
      assertThat(two.getRow(2).getCell(0).getText()).isEqualTo("规章");
      assertThat(two.getRow(3).getCell(3).getText()).isEqualTo("2");
      XWPFTable four = tables.get(5);
      assertThat(four.getRow(3).getCell(0).getText()).isEqualTo("1");
      for (XWPFTable table : tables) {
        DocxGrid grid = DocxGrid.of(table);
        assertThat(grid.gridWidths())
            .as("every table has its grid")
            .isNotEmpty()
            .allMatch(w -> w > 0);
        assertThat(grid.rowSpans())
            .as("every row spans the whole grid")
            .containsOnly(grid.gridWidths().size());
        assertThat(grid.gridWidths().stream().mapToInt(Integer::intValue).sum())
            .isBetween(8_800, 8_900);
      }
      DocxGrid t3 = DocxGrid.of(three);
      assertThat(t3.gridWidths()).hasSize(10);
      assertThat(t3.cells())
          .containsEntry("0,3", "1x7 申请人情况")
          .containsEntry("1,3", "2x1 自然人")
          .containsEntry("1,4", "1x5 法人或其他组织")
          .containsEntry("1,9", "2x1 总计")
          .containsEntry("2,4", "1x1 商业企业")
          .containsEntry("2,8", "1x1 其他")
          .containsEntry("3,0", "1x3 一、本年新收政府信息公开申请数量")
          .containsEntry("4,0", "1x3 二、上年结转政府信息公开申请数量")
          .containsEntry("5,0", "22x1 三、本年度办理结果")
          .containsEntry("5,1", "1x2 （一）予以公开")
          .containsEntry("27,0", "1x3 四、结转下年度继续办理");
      assertThat(t3.cells().get("0,0")).startsWith("3x3 ");
      DocxGrid t4 = DocxGrid.of(four);
      assertThat(t4.gridWidths()).hasSize(15);
      assertThat(t4.cells())
          .containsEntry("0,0", "1x5 行政复议")
          .containsEntry("0,5", "1x10 行政诉讼")
          .containsEntry("1,0", "2x1 结果维持")
          .containsEntry("1,1", "2x1 结果纠正")
          .containsEntry("1,2", "2x1 其他结果")
          .containsEntry("1,3", "2x1 尚未审结")
          .containsEntry("1,4", "2x1 总计")
          .containsEntry("1,5", "1x5 未经复议直接起诉")
          .containsEntry("1,10", "1x5 复议后起诉")
          .containsEntry("2,5", "1x1 结果维持")
          .containsEntry("2,14", "1x1 总计")
          .containsEntry("3,0", "1x1 1");
      assertThat(t4.cells()).hasSize(5 + 2 + 10 + 15 + 2);
      assertThat(three.getRow(0).isRepeatHeader()).isTrue();
      assertThat(three.getRow(2).isRepeatHeader()).isTrue();
      assertThat(three.getRow(3).isRepeatHeader()).isFalse();
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
      assertThat(
              doc.getPackagePart()
                  .getRelationshipsByType(
                      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable")
                  .size())
          .isEqualTo(1);
      assertThat(doc.getParagraphs())
          .extracting(p -> p.getText())
          .contains("一、总体情况", "本年度，本局认真贯彻落实《条例》。", "五、存在的主要问题及改进情况");
    }
    if (LibreOfficeRendering.installed()) {
      assertThat(LibreOfficeRendering.render(docx, "annual-report.docx"))
          .as("pages drawn from the DOCX")
          .isNotEmpty();
    }
    byte[] xlsx = download(f, base + "&format=xlsx");
    if (LibreOfficeRendering.installed()) {
      assertThat(LibreOfficeRendering.render(xlsx, "annual-tables.xlsx"))
          .as("pages drawn from the XLSX")
          .isNotEmpty();
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet three = book.getSheetAt(1);
      assertThat(three.getNumMergedRegions()).isGreaterThan(5);
      assertThat(three.getRow(3).getCell(9).getNumericCellValue()).isEqualTo(3.0);
      assertThat(three.getColumnWidth(2))
          .as("labels are not cut to a character")
          .isGreaterThan(three.getColumnWidth(3) * 3);
      assertThat(three.getColumnWidth(3)).isGreaterThan(256 * 5);
      assertThat(three.getRow(0).getCell(5).getCellStyle().getBorderTop())
          .as("borders under merges too")
          .isEqualTo(BorderStyle.THIN);
      assertThat(three.getRow(10).getCell(6).getCellStyle().getBorderLeft())
          .isEqualTo(BorderStyle.THIN);
      assertThat(three.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
      assertThat(three.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(three.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      assertThat(book.getSheetAt(2).getPrintSetup().getLandscape()).isTrue();
      Sheet two = book.getSheetAt(0);
      assertThat(two.getRow(7).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
    }
    Api.Response html = get(f, base + "&format=html");
    assertThat(html.body())
        .contains(
            "<th scope=\"colgroup\" rowspan=\"3\" colspan=\"3\">",
            "二、主动公开政府信息情况",
            "<thead>",
            "<style>",
            ".body-text table",
            "@media print",
            "<caption>第二十条第（一）项</caption>");
    assertThat(html.body())
        .as("no caption repeats the heading above it")
        .doesNotContain("<caption>三、收到和处理政府信息公开申请情况</caption>");

    Api.Response drafted = api().post(publication, null, f.reviewer().username(), PASSWORD);
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    Number document = drafted.json("$.document");
    Api.Response doc =
        api().get("/api/v1/admin/documents/" + document, f.reviewer().username(), PASSWORD);
    assertThat(doc.<String>json("$.working.title")).contains(String.valueOf(YEAR), "年政府信息公开工作年度报告");
    assertThat(doc.<Number>json("$.working.columnId").longValue())
        .isEqualTo(
            agencies.column(s.department().id(), ColumnType.ANNUAL_REPORT).orElseThrow().id());
    assertThat(api().post(publication, null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(409);
  }

  @Test
  void theGovernmentReportAggregatesItsTreeAndOlderYearsUseTheTrialFormat() {
    Scenario s = scenario();
    Api.Response report =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + s.government().code() + "&year=" + YEAR,
                "admin",
                ADMIN_PASSWORD);
    assertThat(report.<String>json("$.level")).isEqualTo("GOVERNMENT");
    assertThat(report.<String>json("$.deadline")).isEqualTo("2027-03-31");
    Map<String, Object> cells = report.json("$.cells");
    assertThat(cells)
        .containsEntry("table3.RECEIVED.TOTAL", 4)
        .containsEntry("table3.NOT_PROCESSED_REPEAT.NATURAL_PERSON", 1)
        .containsEntry("table3.TOTAL.TOTAL", 4)
        .containsEntry("table3.CARRIED_FORWARD.TOTAL", 1);

    Api.Response old =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + s.department().code() + "&year=2020",
                "admin",
                ADMIN_PASSWORD);
    assertThat(old.<String>json("$.format")).isEqualTo("V2019");
    assertThat(old.<List<String>>json("$.table3[*].key"))
        .hasSize(23)
        .doesNotContain("OTHER_NO_SUPPLEMENT");
    assertThat(old.<List<String>>json("$.table2[*].key")).contains("ARTICLE_20_9");
    Map<String, Object> oldCells = old.json("$.cells");
    assertThat(oldCells)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.TOTAL_PUBLIC", 0)
        .containsKey("table2.ARTICLE_20_5.OTHER_SERVICES.PREVIOUS_YEAR_ITEMS");
    String oldHtml =
        api()
            .get(
                "/api/v1/admin/reports/annual?format=html&agency="
                    + s.department().code()
                    + "&year=2020",
                "admin",
                ADMIN_PASSWORD)
            .body();
    assertThat(oldHtml)
        .as("the 2019 format's own labels")
        .contains(">规范性文件</th>", ">处理决定数量</th>")
        .doesNotContain("行政规范性文件", "本年处理决定数量");

    Api.Response lastYear =
        api().get("/api/v1/admin/reports/annual/overview?year=2025", "admin", ADMIN_PASSWORD);
    List<Boolean> late = lastYear.json("$[?(@.agency=='" + s.department().code() + "')].late");
    assertThat(late).containsExactly(true);
  }

  @Test
  void aPastYearCountsTheDocumentAsItStoodThen() {
    Fixture f = newAgency();
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), ColumnType.POLICY).orElseThrow().id());
    form.setTitle("2025年的规范性文件");
    form.setKind(DocumentKind.NORMATIVE_DOCUMENT);
    form.setIssuedOn(LocalDate.parse("2025-03-01"));
    form.setBody("<p>正文</p>");
    long id =
        editorial.importPublished(form, Instant.parse("2025-03-02T02:00:00Z"), List.of(), admin());
    editorial.startRevision(id, admin());
    DocumentForm change =
        DocumentForm.of(editorial.get(id, admin()).working(), f.agency().code(), List.of());
    change.setValidity(Validity.REPEALED);
    change.setRepealedOn(LocalDate.parse("2026-06-01"));
    editorial.updateDraft(id, change, admin());
    editorial.submit(id, admin());
    editorial.approve(id, true, null, f.reviewer());
    editorial.publish(id, null, f.reviewer());
    Map<String, Object> y2025 =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + f.agency().code() + "&year=2025",
                "admin",
                ADMIN_PASSWORD)
            .json("$.cells");
    assertThat(y2025)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.ISSUED", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.IN_FORCE", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.REPEALED", 0);
    Map<String, Object> y2026 =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + f.agency().code() + "&year=" + YEAR,
                "admin",
                ADMIN_PASSWORD)
            .json("$.cells");
    assertThat(y2026)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.REPEALED", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.IN_FORCE", 0);
  }

  @Test
  void tableTwoCountsByIssueDateAndExpiryAndTakesCorrectionsWithTheirReason() {
    Fixture f = newAgency();
    DocumentForm lateDecember =
        policy(f, "2025年底成文次年公开", DocumentKind.NORMATIVE_DOCUMENT, "2025-12-28");
    editorial.importPublished(
        lateDecember, Instant.parse("2026-01-10T02:00:00Z"), List.of(), admin());
    DocumentForm expired = policy(f, "已失效的文件", DocumentKind.NORMATIVE_DOCUMENT, "2024-02-01");
    expired.setValidity(Validity.EXPIRED);
    expired.setRepealedOn(LocalDate.parse("2025-06-30"));
    editorial.importPublished(expired, Instant.parse("2024-02-02T02:00:00Z"), List.of(), admin());
    String report = "/api/v1/admin/reports/annual?agency=" + f.agency().code() + "&year=2025";
    Map<String, Object> y2025 = api().get(report, "admin", ADMIN_PASSWORD).json("$.cells");
    assertThat(y2025)
        .as("issued in the year of its 成文日期, though published in January")
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.ISSUED", 1)
        .as("expired counts as repealed in its year")
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.REPEALED", 1)
        .containsEntry("table2.ARTICLE_20_1.NORMATIVE_DOCUMENT.IN_FORCE", 0);

    String corrections =
        "/api/v1/admin/reports/annual/corrections?agency=" + f.agency().code() + "&year=2025";
    assertThat(
            api()
                .put(
                    corrections,
                    "{\"key\":\"ARTICLE_20_1.RULE.IN_FORCE\",\"amount\":3}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .as("a correction needs its reason")
        .isEqualTo(400);
    assertThat(
            api()
                .put(
                    corrections,
                    "{\"key\":\"ARTICLE_20_1.RULE.IN_FORCE\",\"amount\":3,\"reason\":\"含平台启用前的规章\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("reviewers correct")
        .isEqualTo(403);
    Api.Response corrected =
        api()
            .put(
                corrections,
                "{\"key\":\"ARTICLE_20_1.RULE.IN_FORCE\",\"amount\":3,\"reason\":\"含平台启用前的规章\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.<Integer>json("$.cells['table2.ARTICLE_20_1.RULE.IN_FORCE']"))
        .isEqualTo(3);
    assertThat(corrected.<List<String>>json("$.entered[*].reason")).contains("含平台启用前的规章");
  }

  @Test
  void aPublishedReportIsFrozenAndNextYearCarriesItsFigureOver() {
    Fixture f = newAgency();
    Agency agency = f.agency();
    enter(f, agency, "NATURAL_PERSON", "RESIDENT_ID", RESIDENT_ID, "2025-12-20");
    String base = "?agency=" + agency.code() + "&year=2025";
    api()
        .put(
            "/api/v1/admin/reports/annual/sections/ONE" + base,
            "{\"text\":\"总体情况。\"}",
            f.editor().username(),
            PASSWORD);
    api()
        .put(
            "/api/v1/admin/reports/annual/sections/FIVE" + base,
            "{\"text\":\"存在的问题。\"}",
            f.editor().username(),
            PASSWORD);
    api()
        .put(
            "/api/v1/admin/reports/annual/sections/SIX" + base,
            "{\"text\":\"无。\"}",
            f.editor().username(),
            PASSWORD);
    Api.Response drafted =
        api()
            .post(
                "/api/v1/admin/reports/annual/publication" + base,
                null,
                f.reviewer().username(),
                PASSWORD);
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);

    // A paper application received on 29 December would change the published figures: it is
    // refused, naming the date, and the year stays as published.
    String late =
        "{\"application\":{\"agency\":\""
            + agency.code()
            + "\",\"applicantType\":\"NATURAL_PERSON\",\"name\":\"申请人\",\"idType\":\"RESIDENT_ID\","
            + "\"idNumber\":\""
            + RESIDENT_ID
            + "\",\"address\":\"测试路\",\"description\":\"某项信息\",\"deliveryChannel\":\"POST\"},"
            + "\"channel\":\"POST\",\"receivedOn\":\"2025-12-29\"}";
    Api.Response refused = api().post("/api/v1/admin/foi/requests", late, "admin", ADMIN_PASSWORD);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("receivedOn");
    Api.Response y2025 = api().get("/api/v1/admin/reports/annual" + base, "admin", ADMIN_PASSWORD);
    assertThat(y2025.<Boolean>json("$.frozen")).isTrue();
    assertThat(y2025.<Integer>json("$.cells['table3.RECEIVED.TOTAL']"))
        .as("as published")
        .isEqualTo(1);
    assertThat(y2025.<Integer>json("$.cells['table3.CARRIED_FORWARD.TOTAL']")).isEqualTo(1);
    Api.Response text =
        api()
            .put(
                "/api/v1/admin/reports/annual/sections/FIVE" + base,
                "{\"text\":\"改写\"}",
                f.editor().username(),
                PASSWORD);
    assertThat(text.status()).as("the text is published too").isEqualTo(409);

    Api.Response y2026 =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + agency.code() + "&year=" + YEAR,
                "admin",
                ADMIN_PASSWORD);
    assertThat(y2026.<Integer>json("$.cells['table3.CARRIED_OVER.TOTAL']"))
        .as("the published carry-forward")
        .isEqualTo(1);
    assertThat(y2026.<Integer>json("$.cells['table3.RECEIVED.TOTAL']")).isZero();
    assertThat(y2026.<List<String>>json("$.violations[*].rule"))
        .doesNotContain("T3_CARRY_OVER", "T3_BALANCE");
  }

  @Test
  void howAnAgencyReportsIsItsSettingAndSectionSixCarriesTheFees() {
    AgencyForm district = new AgencyForm();
    district.setCode(TestCodes.agencyCode());
    district.setName("测试区人民政府" + district.getCode().substring(10));
    district.setParentId(newAgency().agency().id());
    district.setReportLevel(ReportLevel.GOVERNMENT);
    Agency government = agencies.create(district, "test");
    Api.Response report =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + government.code() + "&year=" + YEAR,
                "admin",
                ADMIN_PASSWORD);
    assertThat(report.<String>json("$.level"))
        .as("a district government under a city")
        .isEqualTo("GOVERNMENT");
    assertThat(report.<String>json("$.deadline")).isEqualTo((YEAR + 1) + "-03-31");
    assertThat(report.<Integer>json("$.cells['six.fees.notices']")).isZero();
    String body =
        api()
            .get(
                "/api/v1/admin/reports/annual?format=html&agency="
                    + government.code()
                    + "&year="
                    + YEAR,
                "admin",
                ADMIN_PASSWORD)
            .body();
    assertThat(body).contains("本年度未收取信息处理费");
  }

  private DocumentForm policy(Fixture f, String title, DocumentKind kind, String issuedOn) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), ColumnType.POLICY).orElseThrow().id());
    form.setTitle(title);
    form.setKind(kind);
    form.setIssuedOn(LocalDate.parse(issuedOn));
    form.setBody("<p>正文</p>");
    return form;
  }

  @Test
  void dashboardsAndMonthlyReportsComeFromRecordedEvents() throws Exception {
    Scenario s = scenario();
    Fixture f = s.fixture();
    Api.Response dashboard =
        get(
            f,
            "/api/v1/admin/reports/dashboard?agency="
                + s.department().code()
                + "&from=2026-01&to=2026-12");
    assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
    assertThat(dashboard.<Integer>json("$.handling.concluded")).isEqualTo(3);
    assertThat(dashboard.<Integer>json("$.handling.overdue")).isEqualTo(1);
    assertThat(dashboard.<List<String>>json("$.tables[*].key"))
        .containsExactly("publications", "outcomes", "handling");
    List<List<Integer>> february = dashboard.json("$.tables[0].rows[?(@.label=='2026-02')].values");
    assertThat(february).singleElement().satisfies(v -> assertThat(v).contains(1));
    String csv =
        get(
                f,
                "/api/v1/admin/reports/dashboard/outcomes.csv?agency="
                    + s.department().code()
                    + "&from=2026-01&to=2026-12")
            .body();
    assertThat(csv).startsWith("\uFEFF").contains("2026-11").contains("（一）予以公开");
    assertThat(get(f, "/api/v1/admin/reports/dashboard?from=2026-01").status()).isEqualTo(403);
    assertThat(api().get("/api/v1/admin/reports/dashboard", "admin", ADMIN_PASSWORD).status())
        .isEqualTo(200);

    byte[] monthly =
        download(
            f,
            "/api/v1/admin/reports/monthly?agency="
                + s.department().code()
                + "&month=2026-03&format=xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(monthly))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(1.0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("未报送");
    }
  }

  @Autowired WebApplicationContext context;

  @Test
  void theConsoleShowsReportsTheirProblemsAndTheDashboards() throws Exception {
    Scenario s = scenario();
    var mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    var login =
        mvc.perform(
                MockMvcRequestBuilders.post("/login")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("username", s.fixture().reviewer().username())
                    .param("password", PASSWORD))
            .andReturn();
    var session = (MockHttpSession) login.getRequest().getSession();
    String overview =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/reports")
                    .param("year", String.valueOf(YEAR))
                    .session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(overview).contains(s.department().name(), "部门（1月31日前发布）");
    String annual =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/reports/annual")
                    .param("agency", s.department().code())
                    .param("year", String.valueOf(YEAR))
                    .session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(annual)
        .contains("一、总体情况", "本年新收申请3件", "勾稽关系")
        .as("table 二 is counted from the catalog and the register: nothing to enter")
        .doesNotContain("尚未填报");
    var saved =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/reports/annual/corrections")
                    .param("agency", s.department().code())
                    .param("year", String.valueOf(YEAR))
                    .param("key", "ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT")
                    .param("amount", "12")
                    .param("reason", "含不随许可决定收取的收费")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .session(session))
            .andReturn();
    assertThat(saved.getResponse().getRedirectedUrl()).contains("/console/reports/annual");
    String dashboard =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/dashboard")
                    .param("agency", s.department().code())
                    .session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dashboard)
        .contains("各月各栏目发布信息数", "echarts.min.js", "<caption class=\"visually-hidden\">", "月份");
  }

  private byte[] download(Fixture f, String path) {
    return RestClient.create()
        .get()
        .uri("http://localhost:" + port + path)
        .headers(h -> h.setBasicAuth(f.reviewer().username(), PASSWORD))
        .retrieve()
        .body(byte[].class);
  }
}
