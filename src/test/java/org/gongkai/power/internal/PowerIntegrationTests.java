package org.gongkai.power.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The power catalog: entry, versions by effective date, flowcharts, and whole-catalog spreadsheets.
 */
abstract class PowerIntegrationTests extends PlatformIntegrationTests {

  static String power(String code, String type, String name, String effectiveOn, String flow) {
    return "{\"code\":\""
        + code
        + "\",\"name\":\""
        + name
        + "\",\"type\":\""
        + type
        + "\",\"legalBasis\":"
        + "\"《中华人民共和国行政许可法》第二十九条\\n《对外贸易法》第九条\",\"unit\":\"对外贸易科\",\"conditions\":\"依法设立的企业\","
        + "\"materials\":\"申请表\",\"timeLimit\":\"20个工作日\",\"fees\":\"不收费\",\"contact\":\"0552-1234567\",\"flow\":"
        + Api.quote(flow).replace("\n", "\\n")
        + ",\"effectiveOn\":\""
        + effectiveOn
        + "\"}";
  }

  @Test
  void powersAreEnteredVersionedAndShownWithTheirFlowchart() {
    Fixture f = newAgency();
    String code = "P" + f.agency().code().substring(10) + "-001";
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Api.Response bad =
        api()
            .post(
                "/api/v1/admin/powers?agency=" + f.agency().code(),
                power(code, "LICENSING", "对外贸易经营者备案", today.toString(), "1|受理|9"),
                f.editor().username(),
                PASSWORD);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.<List<String>>json("$.errors[*].field")).contains("flow");
    Api.Response created =
        api()
            .post(
                "/api/v1/admin/powers?agency=" + f.agency().code(),
                power(
                    code,
                    "LICENSING",
                    "对外贸易经营者备案",
                    today.minusYears(1).toString(),
                    FlowTests.LICENSING),
                f.editor().username(),
                PASSWORD);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    api()
        .post(
            "/api/v1/admin/powers?agency=" + f.agency().code(),
            power(
                code,
                "LICENSING",
                "对外贸易经营者备案（修订）",
                today.plusMonths(1).toString(),
                FlowTests.LICENSING),
            f.editor().username(),
            PASSWORD);
    assertThat(api().get("/api/v1/powers/" + code).status())
        .as("nothing is public before it is approved")
        .isEqualTo(404);
    assertThat(
            api()
                .post(
                    "/api/v1/admin/powers/approve?agency=" + f.agency().code(),
                    null,
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("who entered it does not approve it")
        .isEqualTo(403);
    assertThat(
            api()
                .post(
                    "/api/v1/admin/powers/approve?agency=" + f.agency().code(),
                    null,
                    f.reviewer().username(),
                    PASSWORD)
                .<Integer>json("$.versions"))
        .isEqualTo(2);
    Api.Response shown = api().get("/api/v1/powers/" + code);
    assertThat(shown.<String>json("$.current.name")).isEqualTo("对外贸易经营者备案");
    assertThat(shown.<List<Object>>json("$.history")).hasSize(2);
    assertThat(shown.<List<String>>json("$.current.legalBasis")).hasSize(2);
    assertThat(shown.<List<String>>json("$.flow[*].label")).contains("审查材料");
    assertThat(shown.body())
        .as("the public is not shown who entered it")
        .doesNotContain("createdBy")
        .doesNotContain(f.editor().username());
    assertThat(
            api()
                .get("/api/v1/powers?agency=" + f.agency().code() + "&type=PENALTY")
                .<List<Object>>json("$"))
        .isEmpty();
    assertThat(
            api()
                .get("/api/v1/powers?agency=" + f.agency().code() + "&type=LICENSING")
                .<List<String>>json("$[*].code"))
        .containsExactly(code);
    String page = api().get("/powers/" + code).body();
    assertThat(page).contains("<svg", "role=\"img\"", "运行流程图", "流程步骤", "不符合条件：转到第4步", "第二十九条");
    Api.Response svg = api().get("/powers/" + code + "/flowchart.svg");
    assertThat(svg.headers().getContentType().toString()).startsWith("image/svg+xml");
    assertThat(api().get("/api/v1/powers/NO-SUCH").status()).isEqualTo(404);
  }

  @Test
  void theWholeCatalogGoesOutAndComesBackAndABadImportImportsNothing() throws Exception {
    Fixture f = newAgency();
    String prefix = "Q" + f.agency().code().substring(10);
    for (int i = 1; i <= 3; i++) {
      api()
          .post(
              "/api/v1/admin/powers?agency=" + f.agency().code(),
              power(
                  prefix + "-00" + i,
                  i == 2 ? "PENALTY" : "LICENSING",
                  "事项" + i,
                  "2025-01-01",
                  FlowTests.LICENSING),
              f.editor().username(),
              PASSWORD);
    }
    api()
        .post(
            "/api/v1/admin/powers/approve?agency=" + f.agency().code(),
            null,
            f.reviewer().username(),
            PASSWORD);
    byte[] exported =
        RestClient.create()
            .get()
            .uri(
                "http://localhost:"
                    + port
                    + "/api/v1/admin/powers/export?agency="
                    + f.agency().code())
            .headers(h -> h.setBasicAuth(f.editor().username(), PASSWORD))
            .retrieve()
            .body(byte[].class);
    int versionsBefore = versions(prefix);
    Api.Response again =
        api()
            .upload(
                "/api/v1/admin/powers/import?agency=" + f.agency().code(),
                "powers.xlsx",
                exported,
                f.editor().username(),
                PASSWORD);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.<Integer>json("$.rows")).isEqualTo(3);
    assertThat(versions(prefix)).isEqualTo(versionsBefore);

    byte[] broken;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.getSheetAt(0);
      sheet.getRow(1).getCell(2).setCellValue("NOT_A_TYPE");
      sheet.getRow(2).getCell(1).setCellValue("");
      Row added = sheet.createRow(4);
      added.createCell(0).setCellValue(prefix + "-004");
      added.createCell(1).setCellValue("新增事项");
      added.createCell(2).setCellValue("行政检查");
      added.createCell(3).setCellValue("《对外贸易法》");
      added.createCell(10).setCellValue(FlowTests.LICENSING);
      added.createCell(11).setCellValue("2026-01-01");
      book.write(out);
      broken = out.toByteArray();
    }
    Api.Response refused =
        api()
            .upload(
                "/api/v1/admin/powers/import?agency=" + f.agency().code(),
                "powers.xlsx",
                broken,
                f.editor().username(),
                PASSWORD);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.<List<Integer>>json("$.errors[*].row")).containsExactlyInAnyOrder(2, 3);
    assertThat(refused.body()).contains("NOT_A_TYPE");
    assertThat(versions(prefix)).isEqualTo(versionsBefore);
    assertThat(api().get("/api/v1/powers/" + prefix + "-004").status()).isEqualTo(404);
  }

  private int versions(String prefix) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM power_version v JOIN power_item p ON p.id = v.power_id WHERE p.code LIKE ?")
        .param(prefix + "%")
        .query(Integer.class)
        .single();
  }
}
