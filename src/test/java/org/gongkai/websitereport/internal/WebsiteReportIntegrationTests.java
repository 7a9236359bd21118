package org.gongkai.websitereport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The yearly website report of a site of its own, for a year of its own in each test: its computed
 * figures against the records they are counted from, the checks, entering, freezing; the network's
 * supervision report.
 */
abstract class WebsiteReportIntegrationTests extends PlatformIntegrationTests {

  @org.springframework.beans.factory.annotation.Autowired WebsiteReports reports;

  @org.springframework.beans.factory.annotation.Autowired ReportExports exports;

  @org.springframework.beans.factory.annotation.Autowired WebsiteReportWork work;

  @org.springframework.beans.factory.annotation.Autowired org.gongkai.monitor.Monitor monitor;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.web.context.WebApplicationContext web;

  @org.springframework.beans.factory.annotation.Autowired
  io.micrometer.core.instrument.MeterRegistry meters;

  @org.springframework.beans.factory.annotation.Autowired
  org.gongkai.websitereport.PublishedWebsiteReports published;

  @org.springframework.beans.factory.annotation.Autowired org.gongkai.site.Sites sites;

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void theReportsInteractionFiguresEqualWhatTheMailboxConsultationAndInterviewRecordsHold() {
    int year = 2021;
    Fixture f = newAgency();
    Fixture below = newAgency(f.agency().id());
    Fixture stranger = newAgency();
    long site = site(f, "wr1");
    // Mailbox: received in the year 4 (a spam message left out), one of the year before answered
    // in the year; concluded in the year 3 (2 + 9 + 40 days), two answers published.
    message(f, "A", LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 12), true, "REPLIED");
    message(below, "B", LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 10), false, "REPLIED");
    message(f, "C", LocalDate.of(year, 12, 20), null, false, "RECEIVED");
    message(f, "D", LocalDate.of(year - 1, 12, 1), LocalDate.of(year, 1, 10), true, "REPLIED");
    message(f, "E", LocalDate.of(year, 5, 1), null, false, "SPAM");
    message(f, "F", LocalDate.of(year, 6, 1), null, false, "RECEIVED");
    message(stranger, "G", LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 2), true, "REPLIED");
    // Calls for comments: two opened in the year, one the year before whose feedback came in the
    // year; five comments in the year, one of the year before; a notice is not a call.
    long c1 = call(f, "CALL_FOR_COMMENTS", LocalDate.of(year, 3, 1), LocalDate.of(year, 5, 1));
    long c2 = call(below, "CALL_FOR_COMMENTS", LocalDate.of(year, 9, 1), null);
    long c3 =
        call(f, "CALL_FOR_COMMENTS", LocalDate.of(year - 1, 11, 1), LocalDate.of(year, 1, 15));
    long notice = call(f, "PUBLIC_NOTICE", LocalDate.of(year, 4, 1), LocalDate.of(year, 5, 1));
    comment(c1, LocalDate.of(year, 3, 5));
    comment(c1, LocalDate.of(year, 3, 6));
    comment(c2, LocalDate.of(year, 9, 2));
    comment(c2, LocalDate.of(year, 9, 3));
    comment(c3, LocalDate.of(year - 1, 11, 20));
    comment(c3, LocalDate.of(year, 1, 2));
    comment(notice, LocalDate.of(year, 4, 2));
    // Interviews: two in the year (questions 10 + 4, answered 8 + 4), one the year after.
    interview(f, LocalDate.of(year, 4, 1), 10, 8);
    interview(below, LocalDate.of(year, 10, 1), 4, 4);
    interview(f, LocalDate.of(year + 1, 1, 5), 7, 7);

    Api.Response report = api().get(path(year, site), "admin", ADMIN_PASSWORD);
    assertThat(report.status()).isEqualTo(200);
    Map<String, Object> by = figures(report);
    assertThat(by)
        .containsEntry("interaction.messages.received", 4)
        .containsEntry("interaction.messages.concluded", 3)
        .containsEntry("interaction.messages.published", 2)
        .containsEntry("interaction.consultations.periods", 2)
        .containsEntry("interaction.consultations.opinions", 5)
        .containsEntry("interaction.consultations.results", 2)
        .containsEntry("interaction.interviews.held", 2)
        .containsEntry("interaction.interviews.questions", 14)
        .containsEntry("interaction.interviews.answered", 12);
    assertThat(new java.math.BigDecimal(by.get("interaction.messages.average-days").toString()))
        .isEqualByComparingTo("17.0");
    assertThat(attr(report, "interaction.messages.received", "source")).isEqualTo("computed");
    assertThat(attr(report, "services.items", "source")).isEqualTo("entered");

    // The same figures counted straight from the records of the site's agencies.
    List<Long> scope = List.of(f.agency().id(), below.agency().id());
    assertThat(by.get("interaction.messages.received"))
        .isEqualTo(
            count(
                "SELECT COUNT(*) FROM mailbox_message WHERE agency_id IN (:a) AND state <> 'SPAM'"
                    + " AND EXTRACT(YEAR FROM received_on) = "
                    + year,
                scope));
    assertThat(by.get("interaction.messages.concluded"))
        .isEqualTo(
            count(
                "SELECT COUNT(*) FROM mailbox_message WHERE agency_id IN (:a)"
                    + " AND EXTRACT(YEAR FROM replied_on) = "
                    + year,
                scope));
    assertThat(by.get("interaction.interviews.questions"))
        .isEqualTo(
            count(
                "SELECT SUM(questions_received) FROM interview WHERE agency_id IN (:a)"
                    + " AND EXTRACT(YEAR FROM held_on) = "
                    + year,
                scope));
    assertThat(by.get("interaction.consultations.periods"))
        .isEqualTo(
            count(
                "SELECT COUNT(*) FROM consultation WHERE agency_id IN (:a) AND kind = 'CALL_FOR_COMMENTS'"
                    + " AND EXTRACT(YEAR FROM opens_on) = "
                    + year,
                scope));

    assertThat(api().get(path(year, site), stranger.editor().username(), PASSWORD).status())
        .isEqualTo(403);
    assertThat(api().get(path(year, site), f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void theOtherComputedFiguresComeFromTheSiteTheCatalogTheMonitorAndTheVisits() {
    int year = 2023;
    Fixture f = newAgency();
    long site = site(f, "wr2");
    document(f, ColumnType.NEWS, DocumentKind.GENERAL, "动态一", LocalDate.of(year, 2, 1));
    document(f, ColumnType.NOTICE, DocumentKind.GENERAL, "通知一", LocalDate.of(year, 3, 1));
    document(f, ColumnType.FUNCTIONS, DocumentKind.GENERAL, "职能", LocalDate.of(year, 3, 2));
    document(f, ColumnType.POLICY, DocumentKind.NORMATIVE_DOCUMENT, "政策", LocalDate.of(year, 4, 1));
    document(
        f, ColumnType.INTERPRETATION, DocumentKind.INTERPRETATION, "解读", LocalDate.of(year, 4, 2));
    document(f, ColumnType.NEWS, DocumentKind.GENERAL, "去年动态", LocalDate.of(year - 1, 4, 2));
    // Published in the year and withdrawn since: counted in the year it went out.
    long gone = document(f, ColumnType.NEWS, DocumentKind.GENERAL, "已撤回", LocalDate.of(year, 5, 3));
    editorial.withdraw(gone, "内容过时", admin());
    long goneToo =
        document(
            f,
            ColumnType.INTERPRETATION,
            DocumentKind.INTERPRETATION,
            "撤回的解读",
            LocalDate.of(year, 6, 3));
    editorial.withdraw(goneToo, "内容过时", admin());
    // The monitor: three days; two problems found, one still there on the last day.
    long r1 = run(site, f, LocalDate.of(year, 3, 1), 90, false);
    finding(r1, site, "EMPTY_COLUMN", "栏目甲");
    finding(r1, site, "STALE_COLUMN", "栏目乙");
    long r2 = run(site, f, LocalDate.of(year, 6, 1), 55, false);
    finding(r2, site, "STALE_COLUMN", "栏目乙");
    run(site, f, LocalDate.of(year, 9, 1), 95, false);
    long r4 = run(site, f, LocalDate.of(year, 12, 1), 95, false);
    finding(r4, site, "STALE_COLUMN", "栏目乙");
    // Visits: two days, 30 views by 20 visitors and 25 by 25, of whom 10 came on both: 35.
    visits(site, LocalDate.of(year, 5, 1), 30, 0, 20);
    visits(site, LocalDate.of(year, 5, 2), 25, 10, 35);

    Map<String, Object> by = figures(api().get(path(year, site), "admin", ADMIN_PASSWORD));
    assertThat(by)
        .containsEntry("site.name", "报表测试网站wr2")
        .containsEntry("site.address", "wr2.example.localhost")
        .containsEntry("site.organizer", "测试主办单位")
        .containsEntry("site.type", "DEPARTMENT")
        .containsEntry("site.icp-filing", "测ICP备00000001号")
        .containsEntry("items.total", 7)
        .containsEntry("items.news", 3)
        .containsEntry("items.overview", 1)
        .containsEntry("items.catalog", 3)
        .containsEntry("interpretation.materials", 2)
        .containsEntry("security.inspections", 4)
        .containsEntry("security.problems-found", 2)
        .containsEntry("security.problems-fixed", 1)
        .containsEntry("security.monitoring", true)
        .containsEntry("innovation.languages", true)
        .containsEntry("visits.views", 55);
    assertThat(((Number) by.get("visits.visitors")).longValue()).isBetween(34L, 36L);
  }

  @Test
  void checksRefuseAnIncompleteReportAndAFrozenReportNeverChanges() {
    int year = 2019;
    Fixture f = newAgency();
    long site = site(f, "wr3");
    message(f, "A", LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 12), true, "REPLIED");
    document(
        f, ColumnType.INTERPRETATION, DocumentKind.INTERPRETATION, "解读", LocalDate.of(year, 4, 2));
    String admin = f.agencyAdmin().username();

    Api.Response refused = api().post(path(year, site, "/freeze"), "", admin, PASSWORD);
    assertThat(refused.status()).isEqualTo(409);
    Api.Response draft = api().get(path(year, site), admin, PASSWORD);
    assertThat(draft.<List<String>>json("$.problems[*].key"))
        .contains("services.items", "sign.head", "interpretation.total")
        .doesNotContain("media.weibo.name");

    // Bad input refuses the whole entry and keeps nothing.
    Api.Response bad =
        api()
            .put(
                path(year, site, "/figures"),
                "{\"services.items\":{\"value\":\"12\",\"source\":\"政务服务平台\"},"
                    + "\"services.registered-users\":{\"value\":\"-3\",\"source\":\"平台\"},"
                    + "\"interaction.messages.received\":{\"value\":\"9\",\"source\":\"手工\"},"
                    + "\"services.online-items\":{\"value\":\"3\",\"source\":\" \"}}",
                admin,
                PASSWORD);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .contains(
            "services.registered-users", "interaction.messages.received", "services.online-items");
    assertThat(figures(api().get(path(year, site), admin, PASSWORD)).get("services.items"))
        .isNull();

    Map<String, String[]> entries = complete();
    entries.put("services.cases.total", new String[] {"100", "政务服务平台统计"});
    Api.Response entered = api().put(path(year, site, "/figures"), json(entries), admin, PASSWORD);
    assertThat(entered.status()).isEqualTo(200);
    assertThat(entered.<List<String>>json("$.problems[*].rule"))
        .containsExactly("website-report.check.sum");
    assertThat(attr(entered, "services.items", "note")).isEqualTo("政务服务平台统计");
    assertThat(attr(entered, "services.items", "enteredBy")).isEqualTo(admin);
    assertThat(api().post(path(year, site, "/freeze"), "", admin, PASSWORD).status())
        .isEqualTo(409);

    entries.put("services.cases.total", new String[] {"90", "政务服务平台统计"});
    Api.Response fixed = api().put(path(year, site, "/figures"), json(entries), admin, PASSWORD);
    assertThat(fixed.<List<Object>>json("$.problems")).isEmpty();
    assertThat(figures(fixed)).containsEntry("interpretation.total", 1 + 4 + 2);
    assertThat(
            api().post(path(year, site, "/freeze"), "", f.editor().username(), PASSWORD).status())
        .as("an editor does not publish")
        .isEqualTo(403);

    // Late: a week after 31 January the report is on its publishers' to-do list, overdue.
    clock.travelTo(LocalDate.of(year + 1, 2, 7));
    var late = work.open(f.agencyAdmin(), 10).get(0);
    assertThat(late.items())
        .anySatisfy(
            item -> {
              assertThat(item.url()).endsWith("&site=" + site);
              assertThat(item.due()).isEqualTo(LocalDate.of(year + 1, 1, 31));
              assertThat(item.workingDaysLeft()).isNegative();
            });
    assertThat(work.open(f.editor(), 10).get(0).total()).as("editors do not publish").isZero();
    // ... and the monitor's check of the site finds it late, once.
    monitor.check(f.agency().id());
    assertThat(
            count(
                "SELECT COUNT(*) FROM monitor_finding WHERE rule = 'LATE_WEBSITE_REPORT'"
                    + " AND site_id = "
                    + site))
        .isEqualTo(1);

    Api.Response frozen = api().post(path(year, site, "/freeze"), "", admin, PASSWORD);
    assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
    assertThat(frozen.<Boolean>json("$.frozen")).isTrue();
    assertThat(work.open(f.agencyAdmin(), 10).get(0).items())
        .noneMatch(item -> item.url().endsWith("&site=" + site));
    // Published in the agency's annual report column, the report's table as its body.
    long document = ((Number) frozen.json("$.documentId")).longValue();
    Map<String, Object> edition =
        jdbc.sql(
                "SELECT e.title, e.body_html, c.type FROM edition e JOIN disclosure_column c"
                    + " ON c.id = e.column_id WHERE e.document_id = ? AND e.state = 'PUBLISHED'")
            .param(document)
            .query()
            .singleRow();
    assertThat(edition.get("TITLE") == null ? edition.get("title") : edition.get("TITLE"))
        .isEqualTo("政府网站工作年度报表（" + year + "年度）");
    assertThat(
            org.springframework.web.util.HtmlUtils.htmlUnescape(
                String.valueOf(
                    edition.get("BODY_HTML") == null
                        ? edition.get("body_html")
                        : edition.get("BODY_HTML"))))
        .contains("收到留言数量（单位：条）", "政务服务事项数量（单位：项）", "rowspan=\"12\"", "headers=\"");
    assertThat(
            String.valueOf(edition.get("TYPE") == null ? edition.get("type") : edition.get("TYPE")))
        .isEqualTo("ANNUAL_REPORT");
    Map<String, Object> before = figures(frozen);

    // New records of the year change nothing, and nothing can be entered or frozen again.
    message(f, "B", LocalDate.of(year, 2, 10), LocalDate.of(year, 2, 12), true, "REPLIED");
    Api.Response after = api().get(path(year, site), admin, PASSWORD);
    assertThat(figures(after)).isEqualTo(before);
    assertThat(before).containsEntry("interaction.messages.received", 1);
    assertThat(api().put(path(year, site, "/figures"), json(entries), admin, PASSWORD).status())
        .isEqualTo(409);
    assertThat(api().post(path(year, site, "/freeze"), "", admin, PASSWORD).status())
        .isEqualTo(409);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'website-report'"
                    + " AND subject_id = '"
                    + site
                    + "/"
                    + year
                    + "' AND action = 'website-report.frozen'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'website-report'"
                    + " AND subject_id = '"
                    + site
                    + "/"
                    + year
                    + "' AND action = 'website-report.figure.entered'"))
        .isEqualTo(2 * entries.size());
  }

  @Test
  void theExportsOpenAndHoldTheFiguresInTheTemplatesLayout() throws Exception {
    int year = 2017;
    Fixture f = newAgency();
    long site = site(f, "wr6");
    message(f, "A", LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 12), true, "REPLIED");
    message(f, "B", LocalDate.of(year, 2, 10), LocalDate.of(year, 2, 20), false, "REPLIED");
    interview(f, LocalDate.of(year, 4, 1), 13, 11);
    Map<String, String[]> entries = complete();
    assertThat(
            api()
                .put(path(year, site, "/figures"), json(entries), "admin", ADMIN_PASSWORD)
                .status())
        .isEqualTo(200);
    ReportViews.Report report = reports.site(site, year, admin());

    // HTML: the label cells merged as the annex merges them, every value naming its labels.
    var page =
        org.jsoup.Jsoup.parse(
            new String(exports.export(report, ReportExports.Format.HTML), "UTF-8"));
    assertThat(page.select("h1").text()).isEqualTo("政府网站工作年度报表（" + year + "年度）");
    assertThat(page.text()).contains("填报单位：测试主办单位", "单位负责人：王主任", "填报日期：");
    assertThat(page.select("th:containsOwn(网站名称)").attr("colspan")).isEqualTo("3");
    var interaction = page.select("th:containsOwn(互动交流)").first();
    assertThat(interaction.attr("rowspan")).isEqualTo("12");
    assertThat(interaction.attr("scope")).isEqualTo("rowgroup");
    assertThat(page.select("th:containsOwn(留言办理)").attr("rowspan")).isEqualTo("4");
    assertThat(htmlValue(page, "收到留言数量（单位：条）"))
        .containsExactly("互动交流", "留言办理", "收到留言数量（单位：条）", "2");
    assertThat(htmlValue(page, "答复网民提问数量（单位：条）"))
        .containsExactly("互动交流", "在线访谈", "答复网民提问数量（单位：条）", "11");
    assertThat(htmlValue(page, "是否发布服务事项目录")).containsExactly("办事服务", "是否发布服务事项目录", "是");
    assertThat(htmlValue(page, "注册用户数（单位：万）")).containsExactly("办事服务", "注册用户数（单位：万）", "0.12");
    assertThat(htmlValue(page, "明确网站安全负责人")).containsExactly("安全防护", "明确网站安全负责人", "李安全");
    assertThat(htmlValue(page, "网站类型")).containsExactly("网站类型", "部门网站");
    assertThat(page.select("td[headers]")).hasSize(Annex.WEBSITE.size());

    // XLSX: the same merged regions, numbers as numbers.
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(exports.export(report, ReportExports.Format.XLSX)))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("政府网站工作年度报表");
      assertThat(sheet.getMergedRegions())
          .contains(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 3));
      assertThat(sheet.getPrintSetup().getPaperSize())
          .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
      int received = xlsxRow(sheet, "收到留言数量（单位：条）");
      var section = xlsxRegion(sheet, received, 0);
      assertThat(section.getNumberOfCells()).isEqualTo(12);
      assertThat(xlsxText(sheet, section)).isEqualTo("互动交流");
      assertThat(
              xlsxRegion(sheet, received, 1).getLastRow()
                  - xlsxRegion(sheet, received, 1).getFirstRow())
          .isEqualTo(3);
      assertThat(xlsxText(sheet, xlsxRegion(sheet, received, 1))).isEqualTo("留言办理");
      assertThat(sheet.getRow(received).getCell(3).getNumericCellValue()).isEqualTo(2.0);
      int name = xlsxRow(sheet, "网站名称");
      assertThat(xlsxRegion(sheet, name, 0).getLastColumn()).isEqualTo(2);
      assertThat(sheet.getRow(name).getCell(3).getStringCellValue()).isEqualTo("报表测试网站wr6");
      int total = xlsxRow(sheet, "办件量（单位：万件）");
      assertThat(xlsxText(sheet, xlsxRegion(sheet, total, 0))).isEqualTo("办事服务");
      assertThat(sheet.getRow(total).getCell(2).getStringCellValue()).isEqualTo("总数");
      assertThat(sheet.getRow(total).getCell(3).getNumericCellValue()).isEqualTo(0.01);
      int average = xlsxRow(sheet, "平均办理时间（单位：天）");
      assertThat(sheet.getRow(average).getCell(3).getNumericCellValue()).isEqualTo(6.0);
      int interviews = xlsxRow(sheet, "网民留言数量（单位：条）");
      assertThat(xlsxText(sheet, xlsxRegion(sheet, interviews, 1))).isEqualTo("在线访谈");
      assertThat(sheet.getRow(interviews).getCell(3).getNumericCellValue()).isEqualTo(13.0);
    }

    // DOCX: vMerge down, gridSpan across.
    try (var doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(
            new java.io.ByteArrayInputStream(exports.export(report, ReportExports.Format.DOCX)))) {
      assertThat(doc.getParagraphs().get(0).getText()).contains("政府网站工作年度报表");
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW())
          .isEqualTo(java.math.BigInteger.valueOf(11906));
      var table = doc.getTables().get(0);
      assertThat(table.getRows()).hasSize(Annex.WEBSITE.size());
      var first = table.getRow(0);
      assertThat(first.getTableCells()).hasSize(2);
      assertThat(first.getCell(0).getText()).isEqualTo("网站名称");
      assertThat(first.getCell(0).getCTTc().getTcPr().getGridSpan().getVal().intValue())
          .isEqualTo(3);
      assertThat(first.getCell(1).getText()).isEqualTo("报表测试网站wr6");
      int received = -1;
      for (int r = 0; r < table.getRows().size(); r++) {
        var cells = table.getRow(r).getTableCells();
        if (cells.size() == 4 && cells.get(2).getText().equals("收到留言数量（单位：条）")) {
          received = r;
        }
      }
      var row = table.getRow(received).getTableCells();
      assertThat(row.get(0).getCTTc().getTcPr().getVMerge().getVal())
          .isEqualTo(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.CONTINUE);
      assertThat(row.get(1).getText()).isEqualTo("留言办理");
      assertThat(row.get(1).getCTTc().getTcPr().getVMerge().getVal())
          .isEqualTo(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
      assertThat(row.get(3).getText()).isEqualTo("2");
      // The section's cell starts four rows up (是否使用统一平台 below 互动交流), merged down to here.
      var start = table.getRow(received - 1).getTableCells();
      assertThat(start.get(0).getText()).isEqualTo("互动交流");
      assertThat(start.get(0).getCTTc().getTcPr().getVMerge().getVal())
          .isEqualTo(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
      assertThat(start.get(1).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(2);
      assertThat(start.get(1).getText()).isEqualTo("是否使用统一平台");
    }
    Api.Response file =
        api().get(path(year, site, "/export") + "&format=docx", "admin", ADMIN_PASSWORD);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.headers().getContentDisposition().getFilename())
        .isEqualTo("website-report-" + site + "-" + year + ".docx");
    assertThat(
            api()
                .get(path(year, site, "/export") + "&format=pdf", "admin", ADMIN_PASSWORD)
                .status())
        .isEqualTo(400);
  }

  @Test
  void theConsolePageShowsEachRowWithItsSourceAndKeepsWhatWasTypedWhenRefused() throws Exception {
    int year = 2022;
    Fixture f = newAgency();
    long site = site(f, "wr7");
    message(f, "A", LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 12), true, "REPLIED");
    var mvc = consoleMvc();
    var session = consoleSession(mvc, f.agencyAdmin().username());
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/console/website-reports")
                    .param("site", String.valueOf(site))
                    .param("year", String.valueOf(year))
                    .session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("政府网站工作年度报表（" + year + "年度）", "收到留言数量（单位：条）", "平台计算", "留言信箱")
        .contains("name=\"v.services.items\"", "name=\"s.services.items\"")
        .doesNotContain("name=\"v.interaction.messages.received\"");

    var refused =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/console/website-reports/figures")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .session(session)
                    .param("site", String.valueOf(site))
                    .param("year", String.valueOf(year))
                    .param("v.services.items", "很多")
                    .param("s.services.items", "政务服务平台")
                    .param("v.sign.head", "王主任")
                    .param("s.sign.head", "单位"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(200);
    assertThat(refused.getContentAsString()).contains("value=\"很多\"", "value=\"王主任\"", "的数值不符合要求");
    assertThat(figures(api().get(path(year, site), "admin", ADMIN_PASSWORD)).get("sign.head"))
        .as("a refused entry keeps nothing")
        .isNull();

    var saved =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/console/website-reports/figures")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .session(session)
                    .param("site", String.valueOf(site))
                    .param("year", String.valueOf(year))
                    .param("v.services.items", "150")
                    .param("s.services.items", "政务服务平台")
                    .param("v.sign.head", "王主任")
                    .param("s.sign.head", "单位")
                    .param("v.sign.phone", "")
                    .param("s.sign.phone", ""))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(figures(api().get(path(year, site), "admin", ADMIN_PASSWORD)))
        .containsEntry("services.items", 150)
        .containsEntry("sign.head", "王主任");
  }

  @Test
  void theSupervisionReportCountsTheMonitorsChecksPerQuarterForThePlatformAdministrator()
      throws Exception {
    int year = 2018;
    Fixture f = newAgency();
    long a = site(f, "wr4");
    long b = site(f, "wr5");
    run(a, f, LocalDate.of(year, 2, 1), 90, false);
    run(b, f, LocalDate.of(year, 2, 2), 50, false);
    run(a, f, LocalDate.of(year, 5, 1), 80, true);
    run(b, f, LocalDate.of(year, 11, 1), 80, false);
    String path = "/api/v1/admin/website-reports/" + year + "/supervision";
    Api.Response report = api().get(path, "admin", ADMIN_PASSWORD);
    assertThat(report.status()).isEqualTo(200);
    Map<String, Object> by = figures(report);
    int before =
        count(
            "SELECT COUNT(DISTINCT site_id) FROM monitor_run WHERE run_on BETWEEN '"
                + year
                + "-01-01' AND '"
                + year
                + "-03-31' AND agency_id IN (:a)",
            List.of(0L, f.agency().id()));
    assertThat(before).isEqualTo(2);
    assertThat(((Number) by.get("checks.q1.checked")).longValue()).isGreaterThanOrEqualTo(2);
    assertThat(((Number) by.get("checks.q1.unqualified")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) by.get("checks.q2.unqualified")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(by.get("checks.year.checked"))
        .isEqualTo(
            ((Number) by.get("checks.q1.checked")).intValue()
                + ((Number) by.get("checks.q2.checked")).intValue()
                + ((Number) by.get("checks.q3.checked")).intValue()
                + ((Number) by.get("checks.q4.checked")).intValue());
    assertThat(attr(report, "training.sessions", "source")).isEqualTo("entered");
    assertThat(api().get(path, f.agencyAdmin().username(), PASSWORD).status()).isEqualTo(403);
    assertThat(
            api()
                .put(
                    path + "/figures",
                    "{\"training.people\":{\"value\":\"3\",\"source\":\"培训签到表\"}}",
                    f.agencyAdmin().username(),
                    PASSWORD)
                .status())
        .isEqualTo(403);

    Map<String, String[]> e = new LinkedHashMap<>();
    String src = "省政府办公厅政务公开办台账";
    e.put("unit.name", new String[] {"测试省人民政府办公厅", src});
    e.put("accountability.held", new String[] {"true", src});
    e.put("accountability.persons", new String[] {"2", src});
    e.put("sites.merged", new String[] {"1", src});
    e.put("errors.received", new String[] {"40", "我为政府网站找错平台"});
    e.put("errors.handled", new String[] {"41", "我为政府网站找错平台"});
    e.put("impostors.found", new String[] {"0", src});
    e.put("training.sessions", new String[] {"2", "培训签到表"});
    e.put("training.people", new String[] {"180", "培训签到表"});
    e.put("sign.head", new String[] {"王主任", src});
    e.put("sign.reviewer", new String[] {"李科长", src});
    e.put("sign.filler", new String[] {"赵科员", src});
    e.put("sign.phone", new String[] {"0571-12345678", src});
    Api.Response entered = api().put(path + "/figures", json(e), "admin", ADMIN_PASSWORD);
    assertThat(entered.status()).isEqualTo(200);
    assertThat(entered.<List<String>>json("$.problems[*].key")).containsExactly("errors.handled");
    assertThat(api().post(path + "/freeze", "", "admin", ADMIN_PASSWORD).status()).isEqualTo(409);
    e.put("errors.handled", new String[] {"38", "我为政府网站找错平台"});
    api().put(path + "/figures", json(e), "admin", ADMIN_PASSWORD);
    Api.Response frozen = api().post(path + "/freeze", "", "admin", ADMIN_PASSWORD);
    assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
    assertThat(frozen.<Boolean>json("$.frozen")).isTrue();
    assertThat(frozen.<Object>json("$.documentId")).isNotNull();
    Map<String, Object> done = figures(frozen);
    assertThat(done).containsEntry("errors.rate", 95.0);
    assertThat(
            ((Number) done.get("sites.running.portal")).longValue()
                + ((Number) done.get("sites.running.department")).longValue())
        .isLessThanOrEqualTo(((Number) done.get("sites.running")).longValue());
    assertThat(((Number) done.get("checks.ratio")).doubleValue()).isBetween(0.0, 100.0);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(
                exports.export(reports.supervision(year, admin()), ReportExports.Format.XLSX)))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：测试省人民政府办公厅");
      int q1 = xlsxRow(sheet, "本年度抽查次数（单位：次）");
      assertThat(xlsxText(sheet, xlsxRegion(sheet, q1, 0))).isEqualTo("抽查情况");
      assertThat(xlsxRegion(sheet, q1, 0).getNumberOfCells()).isEqualTo(11);
      assertThat(xlsxRegion(sheet, q1, 1).getNumberOfCells()).isEqualTo(5);
      assertThat(sheet.getRow(q1).getCell(2).getStringCellValue()).isEqualTo("第一季度");
      assertThat(sheet.getRow(q1).getCell(3).getNumericCellValue())
          .isEqualTo(((Number) done.get("checks.q1.checked")).doubleValue());
      int rate = xlsxRow(sheet, "办结率（单位：%）");
      assertThat(xlsxText(sheet, xlsxRegion(sheet, rate, 0))).contains("我为政府网站找错");
      assertThat(sheet.getRow(rate).getCell(3).getNumericCellValue()).isEqualTo(95.0);
      int impostors = xlsxRow(sheet, "假冒政府网站处置（单位：个）");
      assertThat(xlsxRegion(sheet, impostors, 0).getLastColumn()).isEqualTo(2);
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'website-report'"
                    + " AND subject_id = '0/"
                    + year
                    + "' AND action = 'website-report.frozen'"))
        .isEqualTo(1);
  }

  @Test
  void theHomePageShowsTheNewestPublishedReportInABoxOfItsOwnOnceItIsPublished() throws Exception {
    int year = 2020;
    Fixture f = newAgency();
    long site = site(f, "wr8");
    String host = "wr8.example.localhost";
    var mvc =
        org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(web)
            .addFilters(
                web.getBeanProvider(jakarta.servlet.Filter.class)
                    .orderedStream()
                    .toArray(jakarta.servlet.Filter[]::new))
            .build();
    assertThat(home(mvc, host)).doesNotContain("website-report-box");
    double hits = meters.counter("gongkai.page.cache.served").count();
    assertThat(home(mvc, host)).doesNotContain("website-report-box");
    assertThat(meters.counter("gongkai.page.cache.served").count())
        .as("the home page is served from the page cache")
        .isGreaterThan(hits);

    assertThat(
            api()
                .put(path(year, site, "/figures"), json(complete()), "admin", ADMIN_PASSWORD)
                .status())
        .isEqualTo(200);
    Api.Response frozen = api().post(path(year, site, "/freeze"), "", "admin", ADMIN_PASSWORD);
    assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
    long document = ((Number) frozen.json("$.documentId")).longValue();

    var page = org.jsoup.Jsoup.parse(home(mvc, host));
    var box = page.selectFirst("main aside.website-report-box");
    assertThat(box)
        .as("the cached home page was dropped when the report was published")
        .isNotNull();
    assertThat(box.attr("aria-labelledby")).isEqualTo("website-report-box");
    assertThat(box.selectFirst("h2#website-report-box").text()).isEqualTo("政府网站工作年度报表");
    assertThat(box.selectFirst("a").attr("href")).isEqualTo("/documents/" + document);
    assertThat(box.selectFirst("a").text()).isEqualTo("《政府网站工作年度报表》（" + year + "年度）");
    assertThat(box.selectFirst("time").attr("datetime")).isEqualTo(LocalDate.now(clock).toString());
    assertThat(box.elementSiblingIndex())
        .as("above the home page's blocks, not only among the newest items")
        .isLessThan(page.selectFirst("main .home-blocks").elementSiblingIndex());
  }

  private static String home(org.springframework.test.web.servlet.MockMvc mvc, String host)
      throws Exception {
    var response =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "http://" + host + "/")
                    .accept(org.springframework.http.MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aPublishedReportIsCorrectedWithItsReasonReplacingThePublishedVersionAndKeepingTheEarlierOne()
      throws Exception {
    int year = 2024;
    Fixture f = newAgency();
    long site = site(f, "wr9");
    String admin = f.agencyAdmin().username();
    message(f, "A", LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 12), true, "REPLIED");
    assertThat(api().put(path(year, site, "/figures"), json(complete()), admin, PASSWORD).status())
        .isEqualTo(200);
    Api.Response first = api().post(path(year, site, "/freeze"), "", admin, PASSWORD);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    long firstDocument = ((Number) first.json("$.documentId")).longValue();
    assertThat(first.<Integer>json("$.version")).isEqualTo(1);

    String correction = path(year, site, "/correction");
    assertThat(
            api().post(correction, "{\"reason\":\"有误\"}", f.editor().username(), PASSWORD).status())
        .as("an editor does not correct")
        .isEqualTo(403);
    assertThat(api().post(correction, "{\"reason\":\"  \"}", admin, PASSWORD).status())
        .as("the reason is required")
        .isEqualTo(400);
    Api.Response opened = api().post(correction, "{\"reason\":\"政务服务事项数量统计有误\"}", admin, PASSWORD);
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.<Boolean>json("$.frozen")).isFalse();
    assertThat(opened.<Boolean>json("$.correcting")).isTrue();
    assertThat(opened.<Integer>json("$.version")).isEqualTo(2);
    assertThat(api().post(correction, "{\"reason\":\"再次\"}", admin, PASSWORD).status())
        .as("one correction at a time")
        .isEqualTo(409);
    // While it is corrected, the published version stays on the home page and off the to-do list.
    assertThat(published.newest(site).orElseThrow().documentId()).isEqualTo(firstDocument);

    // The draft counts afresh and takes the corrected figure.
    message(f, "B", LocalDate.of(year, 2, 10), LocalDate.of(year, 2, 12), true, "REPLIED");
    Map<String, String[]> entries = complete();
    entries.put("services.items", new String[] {"160", "政务服务平台统计（更正）"});
    assertThat(api().put(path(year, site, "/figures"), json(entries), admin, PASSWORD).status())
        .isEqualTo(200);
    Api.Response corrected = api().post(path(year, site, "/freeze"), "", admin, PASSWORD);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.<Integer>json("$.version")).isEqualTo(2);
    assertThat(corrected.<String>json("$.correction")).isEqualTo("政务服务事项数量统计有误");
    assertThat(figures(corrected))
        .containsEntry("services.items", 160)
        .containsEntry("interaction.messages.received", 2);
    long document = ((Number) corrected.json("$.documentId")).longValue();
    assertThat(document).isNotEqualTo(firstDocument);

    // The corrected version replaces the published one, with its visible note and date.
    Map<String, Object> edition =
        jdbc.sql(
                "SELECT title, body_html FROM edition WHERE document_id = ? AND state = 'PUBLISHED'")
            .param(document)
            .query()
            .singleRow();
    String today = LocalDate.now(clock).toString();
    assertThat(String.valueOf(column(edition, "title")))
        .isEqualTo("政府网站工作年度报表（" + year + "年度）（更正）");
    assertThat(
            org.springframework.web.util.HtmlUtils.htmlUnescape(
                String.valueOf(column(edition, "body_html"))))
        .contains("更正（" + today + "）：政务服务事项数量统计有误");
    assertThat(
            count(
                "SELECT COUNT(*) FROM edition WHERE state = 'PUBLISHED' AND document_id = "
                    + firstDocument))
        .as("the earlier document is withdrawn")
        .isZero();
    var notice = published.newest(site).orElseThrow();
    assertThat(notice.documentId()).isEqualTo(document);
    assertThat(notice.correctedOn()).isEqualTo(LocalDate.now(clock));

    // Every version stays retrievable.
    Api.Response versions = api().get(path(year, site, "/versions"), admin, PASSWORD);
    assertThat(versions.<List<Integer>>json("$[*].version")).containsExactly(1, 2);
    assertThat(((Number) versions.json("$[0].documentId")).longValue()).isEqualTo(firstDocument);
    assertThat(versions.<String>json("$[1].correction")).isEqualTo("政务服务事项数量统计有误");
    Api.Response earlier = api().get(path(year, site, "/versions/1"), admin, PASSWORD);
    assertThat(figures(earlier))
        .containsEntry("services.items", 150)
        .containsEntry("interaction.messages.received", 1);
    assertThat(api().get(path(year, site, "/versions/3"), admin, PASSWORD).status()).isEqualTo(404);
    for (String action :
        List.of(
            "website-report.frozen",
            "website-report.correction.opened",
            "website-report.corrected")) {
      assertThat(
              count(
                  "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'website-report'"
                      + " AND subject_id = '"
                      + site
                      + "/"
                      + year
                      + "' AND action = '"
                      + action
                      + "'"))
          .as(action)
          .isEqualTo(1);
    }

    // The console offers the correction on a frozen report and lists the versions.
    var mvc = consoleMvc();
    var session = consoleSession(mvc, admin);
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/console/website-reports")
                    .param("site", String.valueOf(site))
                    .param("year", String.valueOf(year))
                    .session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("name=\"reason\"", "第1版", "第2版", "更正原因：政务服务事项数量统计有误");
    // An editor reads the report and its versions but is offered no correction.
    String editorsPage =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/console/website-reports")
                    .param("site", String.valueOf(site))
                    .param("year", String.valueOf(year))
                    .session(consoleSession(mvc, f.editor().username())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(editorsPage).contains("第2版").doesNotContain("name=\"reason\"");
  }

  @Test
  void aCorrectionIsPublishedEvenWhenTheEarlierDocumentWasWithdrawnByHand() {
    int year = 2025;
    Fixture f = newAgency();
    long site = site(f, "wr10");
    String admin = f.agencyAdmin().username();
    assertThat(api().put(path(year, site, "/figures"), json(complete()), admin, PASSWORD).status())
        .isEqualTo(200);
    Api.Response first = api().post(path(year, site, "/freeze"), "", admin, PASSWORD);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    long firstDocument = ((Number) first.json("$.documentId")).longValue();
    // The report was taken down in the catalog before anyone opened a correction.
    editorial.withdraw(firstDocument, "报表有误，先行撤下", f.agencyAdmin());

    Api.Response opened =
        api().post(path(year, site, "/correction"), "{\"reason\":\"数据有误\"}", admin, PASSWORD);
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    Api.Response corrected = api().post(path(year, site, "/freeze"), "", admin, PASSWORD);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.<Integer>json("$.version")).isEqualTo(2);
    long document = ((Number) corrected.json("$.documentId")).longValue();
    assertThat(published.newest(site).orElseThrow().documentId()).isEqualTo(document);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_record WHERE action = 'document.withdraw'"
                    + " AND subject_type = 'document' AND subject_id = '"
                    + firstDocument
                    + "'"))
        .as("withdrawn once, by hand, with its own reason")
        .isEqualTo(1);
  }

  @Test
  void aSiteClosedBeforeTheYearsEndIsNotCountedAsRunningInTheSupervisionReport() {
    int year = LocalDate.now(clock).getYear();
    Fixture f = newAgency();
    long site = site(f, "wr11");
    // Opened last year.
    jdbc.sql("UPDATE site SET created_at = ? WHERE id = ?")
        .params(OffsetDateTime.of(year - 1, 6, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC), site)
        .update();
    long lastYear = running(year - 1);
    long thisYear = running(year);

    sites.close(site, admin());

    assertThat(running(year)).as("closed before this year ends").isEqualTo(thisYear - 1);
    assertThat(running(year - 1)).as("still running when last year ended").isEqualTo(lastYear);
    assertThat(
            ((Number) reports.supervision(year, admin()).value("sites.running.department"))
                    .longValue()
                + ((Number) reports.supervision(year, admin()).value("sites.running.portal"))
                    .longValue())
        .isLessThanOrEqualTo(running(year));
  }

  @Test
  void everyVersionOfACorrectedSupervisionReportIsRetrievableWithItsFigures() {
    int year = 2017;
    Fixture f = newAgency();
    String path = "/api/v1/admin/website-reports/" + year + "/supervision";
    Map<String, String[]> e = new LinkedHashMap<>();
    String src = "省政府办公厅政务公开办台账";
    for (String key :
        List.of("unit.name", "sign.head", "sign.reviewer", "sign.filler", "sign.phone")) {
      e.put(key, new String[] {"测试" + key, src});
    }
    e.put("accountability.held", new String[] {"false", src});
    e.put("accountability.persons", new String[] {"0", src});
    e.put("sites.merged", new String[] {"0", src});
    e.put("errors.received", new String[] {"0", src});
    e.put("errors.handled", new String[] {"0", src});
    e.put("impostors.found", new String[] {"0", src});
    e.put("training.sessions", new String[] {"1", "培训签到表"});
    e.put("training.people", new String[] {"180", "培训签到表"});
    Api.Response entered = api().put(path + "/figures", json(e), "admin", ADMIN_PASSWORD);
    assertThat(entered.status()).as(entered.body()).isEqualTo(200);
    Api.Response frozen = api().post(path + "/freeze", "", "admin", ADMIN_PASSWORD);
    assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
    Api.Response opened =
        api().post(path + "/correction", "{\"reason\":\"培训人数有误\"}", "admin", ADMIN_PASSWORD);
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    e.put("training.people", new String[] {"200", "培训签到表（更正）"});
    assertThat(api().put(path + "/figures", json(e), "admin", ADMIN_PASSWORD).status())
        .isEqualTo(200);
    Api.Response corrected = api().post(path + "/freeze", "", "admin", ADMIN_PASSWORD);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

    assertThat(
            api()
                .get(path + "/versions", "admin", ADMIN_PASSWORD)
                .<List<Integer>>json("$[*].version"))
        .containsExactly(1, 2);
    Api.Response first = api().get(path + "/versions/1", "admin", ADMIN_PASSWORD);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(figures(first)).containsEntry("training.people", 180);
    assertThat(figures(api().get(path + "/versions/2", "admin", ADMIN_PASSWORD)))
        .containsEntry("training.people", 200);
    assertThat(api().get(path + "/versions/3", "admin", ADMIN_PASSWORD).status()).isEqualTo(404);
    assertThat(api().get(path + "/versions/1", f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(403);
  }

  private long running(int year) {
    return ((Number) reports.supervision(year, admin()).value("sites.running")).longValue();
  }

  private static Object column(Map<String, Object> row, String name) {
    Object upper = row.get(name.toUpperCase(java.util.Locale.ROOT));
    return upper == null ? row.get(name) : upper;
  }

  // --- reading the exports back ---

  /** The labels that head a value in the HTML export (by its headers), then the value. */
  private static List<String> htmlValue(org.jsoup.nodes.Document page, String label) {
    var th = page.select("th:containsOwn(" + label + ")").first();
    var td = th.parent().select("td").first();
    List<String> out = new ArrayList<>();
    for (String id : td.attr("headers").split(" ")) {
      out.add(page.getElementById(id).text());
    }
    out.add(td.text());
    return out;
  }

  /** The row of the sheet whose label cells hold the text. */
  private static int xlsxRow(org.apache.poi.ss.usermodel.Sheet sheet, String text) {
    for (var row : sheet) {
      for (int c = 0; c < 3; c++) {
        var cell = row.getCell(c);
        if (cell != null
            && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && cell.getStringCellValue().equals(text)) {
          return row.getRowNum();
        }
      }
    }
    throw new AssertionError("no row " + text);
  }

  /** The merged region covering the cell (a region of one cell when it is not merged). */
  private static org.apache.poi.ss.util.CellRangeAddress xlsxRegion(
      org.apache.poi.ss.usermodel.Sheet sheet, int row, int column) {
    return sheet.getMergedRegions().stream()
        .filter(r -> r.isInRange(row, column))
        .findFirst()
        .orElse(new org.apache.poi.ss.util.CellRangeAddress(row, row, column, column));
  }

  private static String xlsxText(
      org.apache.poi.ss.usermodel.Sheet sheet, org.apache.poi.ss.util.CellRangeAddress region) {
    return sheet.getRow(region.getFirstRow()).getCell(region.getFirstColumn()).getStringCellValue();
  }

  // --- the records ---

  private long site(Fixture f, String name) {
    Api.Response created =
        api()
            .post(
                "/api/v1/admin/sites",
                "{\"name\":\"报表测试网站"
                    + name
                    + "\",\"hosts\":[\""
                    + name
                    + ".example.localhost\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"idCode\":\"33990"
                    + (10000 + Math.abs(name.hashCode() % 89999))
                    + "\",\"type\":\"DEPARTMENT\",\"organizer\":\"测试主办单位\","
                    + "\"icpFiling\":\"测ICP备00000001号\",\"securityFiling\":\"测公网安备00000001号\","
                    + "\"languages\":[\"zh-CN\",\"en\"]}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return ((Number) created.json("$.id")).longValue();
  }

  private static String path(int year, long site) {
    return path(year, site, "");
  }

  private static String path(int year, long site, String tail) {
    return "/api/v1/admin/website-reports/" + year + tail + "?site=" + site;
  }

  /** An attribute of the row of that key. */
  private static Object attr(Api.Response report, String key, String name) {
    List<String> keys = report.json("$.figures[*].key");
    return report.json("$.figures[" + keys.indexOf(key) + "]." + name);
  }

  private static Map<String, Object> figures(Api.Response report) {
    List<String> keys = report.json("$.figures[*].key");
    List<Object> values = report.json("$.figures[*].value");
    Map<String, Object> by = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      by.put(keys.get(i), values.get(i));
    }
    return by;
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private int count(String sql, List<Long> scope) {
    return jdbc.sql(sql).param("a", scope).query(Integer.class).single();
  }

  /** Every entered row of the site report filled, the media rows left out (no new media). */
  private static Map<String, String[]> complete() {
    Map<String, String[]> e = new LinkedHashMap<>();
    String src = "政务服务平台统计";
    e.put("interpretation.products", new String[] {"4", "宣传处台账"});
    e.put("interpretation.media", new String[] {"2", "宣传处台账"});
    e.put("concerns.responses", new String[] {"3", "办公室台账"});
    e.put("services.catalog", new String[] {"true", src});
    e.put("services.registered-users", new String[] {"1200", src});
    e.put("services.items", new String[] {"150", src});
    e.put("services.online-items", new String[] {"120", src});
    e.put("services.cases.total", new String[] {"90", src});
    e.put("services.cases.natural", new String[] {"60", src});
    e.put("services.cases.legal", new String[] {"30", src});
    e.put("interaction.unified-platform", new String[] {"true", "省统一互动平台"});
    e.put("interaction.smart-qa", new String[] {"false", "网站功能"});
    e.put("security.drills", new String[] {"true", "应急演练记录"});
    e.put("security.responsible-person", new String[] {"李安全", "安全责任书"});
    e.put("media.has", new String[] {"false", "新媒体台账"});
    e.put("innovation.personalised", new String[] {"false", "网站功能"});
    e.put("innovation.other", new String[] {"无", "网站功能"});
    e.put("sign.head", new String[] {"王主任", "单位"});
    e.put("sign.reviewer", new String[] {"李科长", "单位"});
    e.put("sign.filler", new String[] {"赵科员", "单位"});
    e.put("sign.phone", new String[] {"0571-12345678", "单位"});
    return e;
  }

  private static String json(Map<String, String[]> entries) {
    List<String> parts = new ArrayList<>();
    entries.forEach(
        (k, v) ->
            parts.add(
                Api.quote(k)
                    + ":{\"value\":"
                    + Api.quote(v[0])
                    + ",\"source\":"
                    + Api.quote(v[1])
                    + "}"));
    return "{" + String.join(",", parts) + "}";
  }

  private void message(
      Fixture f,
      String code,
      LocalDate received,
      LocalDate replied,
      boolean published,
      String state) {
    jdbc.sql(
            "INSERT INTO mailbox_message (agency_id, tracking_code, type, to_head, title, content,"
                + " public_consent, state, received_on, due_on, reply, replied_on, published, submitted_at)"
                + " VALUES (?, ?, 'QUESTION', FALSE, '留言', '内容', ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            f.agency().id(),
            "W" + code + f.agency().code().substring(6),
            published,
            state,
            received,
            received.plusDays(15),
            replied == null ? null : "答复",
            replied,
            published,
            OffsetDateTime.now())
        .update();
  }

  private long call(Fixture f, String kind, LocalDate opens, LocalDate feedback) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO consultation (agency_id, kind, scope, title, draft_text, opens_on, closes_on,"
                + " published, feedback_text, feedback_at, created_by, created_at)"
                + " VALUES (?, ?, 'PUBLIC', '征求意见', '草案', ?, ?, TRUE, ?, ?, 'test', ?)")
        .params(
            f.agency().id(),
            kind,
            opens,
            opens.plusDays(30),
            feedback == null ? null : "采纳情况",
            feedback == null ? null : feedback.atTime(9, 0).atZone(SHANGHAI).toOffsetDateTime(),
            OffsetDateTime.now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private void comment(long consultation, LocalDate on) {
    jdbc.sql(
            "INSERT INTO consultation_comment (consultation_id, body, state, submitted_at)"
                + " VALUES (?, '意见', 'PUBLISHED', ?)")
        .params(consultation, on.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime())
        .update();
  }

  private void interview(Fixture f, LocalDate held, int received, int answered) {
    jdbc.sql(
            "INSERT INTO interview (agency_id, kind, held_on, channel, topic, questions_received,"
                + " questions_answered, published, created_by, created_at)"
                + " VALUES (?, 'ONLINE_INTERVIEW', ?, '网站', '访谈', ?, ?, TRUE, 'test', ?)")
        .params(f.agency().id(), held, received, answered, OffsetDateTime.now())
        .update();
  }

  private long document(
      Fixture f, ColumnType column, DocumentKind kind, String title, LocalDate published) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), column).orElseThrow().id());
    form.setTitle(title);
    form.setKind(kind);
    form.setIssuedOn(published);
    form.setDisclosureMode(DisclosureMode.PROACTIVE);
    if (kind == DocumentKind.NORMATIVE_DOCUMENT) {
      form.setDocNumber("测规〔" + published.getYear() + "〕" + title.length() + "号");
    }
    form.setBody("<p>正文。</p>");
    Instant at = published.atTime(10, 0).atZone(SHANGHAI).toInstant();
    return editorial.importPublished(form, at, List.of(), admin());
  }

  private long run(long site, Fixture f, LocalDate on, int score, boolean vetoed) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO monitor_run (site_id, agency_id, run_on, score, vetoed, findings, ran_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?)")
        .params(site, f.agency().id(), on, score, vetoed, OffsetDateTime.now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private void finding(long run, long site, String rule, String target) {
    jdbc.sql(
            "INSERT INTO monitor_finding (run_id, site_id, rule, severity, target, message,"
                + " message_args) VALUES (?, ?, ?, 'DEDUCTION', ?, '问题', '')")
        .params(run, site, rule, target)
        .update();
  }

  /** A day's views by the visitors numbered from {@code first} up to {@code last}, excluded. */
  private void visits(long site, LocalDate day, long views, int first, int last) {
    HllSketch sketch = new HllSketch(12);
    for (int v = first; v < last; v++) {
      sketch.update("visitor-" + v);
    }
    jdbc.sql(
            "INSERT INTO visit_day (site_id, on_day, views, visitors, sketch) VALUES (?, ?, ?, ?, ?)")
        .params(site, day, views, last - first, sketch.toCompactByteArray())
        .update();
  }
}
