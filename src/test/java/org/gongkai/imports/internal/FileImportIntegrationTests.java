package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Spreadsheets (CSV, XLSX) and the JSON Lines of our own catalog export go through the pipeline of
 * the crawl: the same checks, dry run, skips on a second run, and report.
 */
@TestPropertySource(
    properties = {
      "gongkai.imports.allow-private-addresses=true",
      "gongkai.imports.poll-interval=PT1H",
      "gongkai.imports.timeout=PT1S",
      "gongkai.imports.max-page-bytes=1MB",
      "gongkai.imports.max-attachment-bytes=100KB"
    })
class FileImportIntegrationTests extends PlatformIntegrationTests {

  @Autowired ImportWork work;

  @Test
  void aCsvSheetIsImportedByItsHeadersAndASecondRunSkipsEveryRow() {
    Fixture f = newAgency();
    String code = f.agency().code();
    String csv =
        "\uFEFF标题,索引号,栏目,发布日期,正文,原网址\n"
            + "关于春耕的通知,"
            + code
            + "/2017-00001,通知公告,2017-03-01,\"春耕开始了。\n请各单位做好准备。\",http://old.example.gov.cn/art/1.html\n"
            + "没有日期的一行,,通知公告,,正文,\n"
            + "低保名单,,通知公告,2017-04-01,身份证号 11010519491231002X,\n";
    Map<String, String> mapping =
        Map.of(
            "mapping",
            mapping(
                f,
                true,
                "{\"title\":\"标题\",\"indexNumber\":\"索引号\",\"column\":\"栏目\",\"publishedOn\":\"发布日期\","
                    + "\"body\":\"正文\",\"sourceUrl\":\"原网址\"}"));
    long dry = upload(f, "old.csv", csv.getBytes(StandardCharsets.UTF_8), mapping);
    assertThat(counts(dry)).containsExactly(1, 0, 2);

    Map<String, String> real =
        Map.of(
            "mapping",
            mapping(
                f,
                false,
                "{\"title\":\"标题\",\"indexNumber\":\"索引号\",\"column\":\"栏目\",\"publishedOn\":\"发布日期\","
                    + "\"body\":\"正文\",\"sourceUrl\":\"原网址\"}"));
    long first = upload(f, "old.csv", csv.getBytes(StandardCharsets.UTF_8), real);
    assertThat(counts(first)).containsExactly(1, 0, 2);
    assertThat(
            jdbc.sql("SELECT index_number FROM document WHERE source_url = ?")
                .param("http://old.example.gov.cn/art/1.html")
                .query(String.class)
                .single())
        .isEqualTo(code + "/2017-00001");
    long second = upload(f, "old.csv", csv.getBytes(StandardCharsets.UTF_8), real);
    assertThat(counts(second)).containsExactly(0, 1, 2);
  }

  @Test
  void anXlsxSheetAndACatalogExportAreImported() throws IOException {
    Fixture f = newAgency();
    byte[] xlsx;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet();
      Row head = sheet.createRow(0);
      head.createCell(0).setCellValue("名称");
      head.createCell(1).setCellValue("日期");
      head.createCell(2).setCellValue("内容");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("表格里的一条");
      row.createCell(1).setCellValue("2016年5月4日");
      row.createCell(2).setCellValue("<p>表格里的正文</p><script>x()</script>");
      book.write(out);
      xlsx = out.toByteArray();
    }
    long sheet =
        upload(
            f,
            "old.xlsx",
            xlsx,
            Map.of(
                "mapping",
                mapping(f, false, "{\"title\":\"名称\",\"publishedOn\":\"日期\",\"body\":\"内容\"}")));
    assertThat(counts(sheet)).containsExactly(1, 0, 0);

    String jsonl =
        "{\"format\":\"gongkai-catalog/1\",\"id\":7,\"indexNumber\":\""
            + f.agency().code()
            + "/2015-00042\",\"agency\":\"X\",\"publishedOn\":\"2015-06-01\",\"editions\":[{\"number\":1,"
            + "\"state\":\"PUBLISHED\",\"columnId\":99,\"kind\":\"GENERAL\",\"title\":\"导出的一条\","
            + "\"validity\":\"VALID\",\"bodyHtml\":\"<p>导出的正文</p>\",\"attachments\":[]}]}\n"
            + "{\"format\":\"gongkai-catalog/1\",\"id\":8,\"indexNumber\":null,\"agency\":\"X\","
            + "\"publishedOn\":null,\"editions\":[{\"number\":1,\"state\":\"DRAFT\",\"columnId\":99,"
            + "\"title\":\"草稿\",\"bodyHtml\":\"<p>草稿</p>\"}]}\n";
    String exportMapping =
        "{\"agency\":\""
            + f.agency().code()
            + "\",\"dryRun\":false,\"rateLimitPerSecond\":1000,\"columnMapping\":{\"99\":"
            + f.policies().id()
            + "}}";
    long export =
        upload(
            f,
            "documents.jsonl",
            jsonl.getBytes(StandardCharsets.UTF_8),
            Map.of("mapping", exportMapping));
    assertThat(counts(export)).containsExactly(1, 0, 0);
    long again =
        upload(
            f,
            "documents.jsonl",
            jsonl.getBytes(StandardCharsets.UTF_8),
            Map.of("mapping", exportMapping));
    assertThat(counts(again)).as("the index number is in the catalog now").containsExactly(0, 1, 0);
  }

  @Test
  void aFileWhoseHeaderLacksAMappedColumnKeepsNothing() {
    Fixture f = newAgency();
    Api.Response r =
        api()
            .upload(
                "/api/v1/admin/imports/file",
                "old.csv",
                "标题,正文\n一,二\n".getBytes(StandardCharsets.UTF_8),
                Map.of("mapping", mapping(f, true, "{\"title\":\"标题\",\"body\":\"内容\"}")),
                f.agencyAdmin().username(),
                PASSWORD);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("内容");
  }

  String mapping(Fixture f, boolean dryRun, String fields) {
    return "{\"agency\":\""
        + f.agency().code()
        + "\",\"dryRun\":"
        + dryRun
        + ",\"rateLimitPerSecond\":1000,\"columnMapping\":{\"通知公告\":"
        + f.policies().id()
        + ",\"*\":"
        + f.policies().id()
        + "},\"fields\":"
        + fields
        + "}";
  }

  long upload(Fixture f, String name, byte[] content, Map<String, String> fields) {
    Api.Response r =
        api()
            .upload(
                "/api/v1/admin/imports/file",
                name,
                content,
                fields,
                f.agencyAdmin().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long id = ((Number) r.json("$.id")).longValue();
    assertThat(work.run(id, Instant.now().plusSeconds(60), Integer.MAX_VALUE)).isTrue();
    return id;
  }

  List<Integer> counts(long id) {
    Api.Response r = api().get("/api/v1/admin/imports/" + id, "admin", ADMIN_PASSWORD);
    return List.of(
        r.<Integer>json("$.counts.created"),
        r.<Integer>json("$.counts.skipped"),
        r.<Integer>json("$.counts.refused"));
  }
}
