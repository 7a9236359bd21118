package org.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;

/**
 * A draft that holds personal data is stopped on its way out until it is changed, or its editor
 * gives a reason and a second person the grounds, each audited.
 */
class PersonalDataGateIntegrationTests extends PlatformIntegrationTests {

  static final String DOCS = "/api/v1/admin/documents";
  static final String ID = "11010519491231002X";

  @Test
  void anIdentityNumberInTheBodyStopsTheDraftUntilReasonAndSecondPersonsGrounds() {
    Fixture f = newAgency();
    Api api = api();
    int id = draft(api, f, "<p>申请人：张三，身份证号 " + ID + "。</p>");

    Api.Response refused =
        api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.headers().getContentType().toString()).contains("problem+json");
    assertThat((String) refused.json("$.type")).isEqualTo("urn:gongkai:problem:personal-data");
    assertThat((String) refused.json("$.findings[0].kind")).isEqualTo("IDENTITY_NUMBER");
    assertThat((String) refused.json("$.findings[0].where")).isEqualTo("body");
    assertThat(refused.body()).doesNotContain(ID).contains("11**************2X");

    assertThat(
            api.post(
                    DOCS + "/" + id + "/submit",
                    "{\"personalDataJustification\":\"公示名单须载明身份\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    Api.Response unjustified =
        api.post(
            DOCS + "/" + id + "/approve",
            "{\"confidentialityChecked\":true}",
            f.reviewer().username(),
            PASSWORD);
    assertThat(unjustified.status()).isEqualTo(409);
    assertThat((String) unjustified.json("$.type")).isEqualTo("urn:gongkai:problem:personal-data");
    Api.Response approved =
        api.post(
            DOCS + "/" + id + "/approve",
            "{\"confidentialityChecked\":true,\"personalDataJustification\":\"依《条例》第十五条，公开更有利于公共利益\"}",
            f.reviewer().username(),
            PASSWORD);
    assertThat(approved.status()).isEqualTo(200);
    assertThat(
            api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD)
                .status())
        .isEqualTo(200);

    List<String> actions =
        jdbc.sql(
                "SELECT action FROM audit_record WHERE subject_type = 'document' AND subject_id = ?")
            .param(String.valueOf(id))
            .query(String.class)
            .list();
    assertThat(actions)
        .contains("document.personal-data-reason", "document.personal-data-justified");
    assertThat(
            jdbc.sql(
                    "SELECT justified_by FROM personal_data_clearance WHERE edition_id ="
                        + " (SELECT MAX(id) FROM edition WHERE document_id = ?)")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(f.reviewer().username());
  }

  @Test
  void aPhoneNumberInASpreadsheetStopsItAndAnInvalidCheckCharacterDoesNot() throws IOException {
    Fixture f = newAgency();
    Api api = api();
    int id = draft(api, f, "<p>名单见附件。校验位不对的号码 110105194912310021 不是身份证号。</p>");
    Api.Response uploaded =
        api.upload(
            DOCS + "/" + id + "/attachments",
            "补贴名单.xlsx",
            workbookWith(13800138000d),
            f.editor().username(),
            PASSWORD);
    assertThat(uploaded.status()).isBetween(200, 201);
    int attachment = uploaded.json("$.id");

    Api.Response refused =
        api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    assertThat(refused.status()).isEqualTo(409);
    assertThat((String) refused.json("$.findings[0].kind")).isEqualTo("MOBILE_NUMBER");
    assertThat((String) refused.json("$.findings[0].where"))
        .isEqualTo("attachment:补贴名单.xlsx#sheet=名单");

    // Redacted: the list without the numbers takes the place of the one with them.
    assertThat(
            api.delete(
                    DOCS + "/" + id + "/attachments/" + attachment, f.editor().username(), PASSWORD)
                .status())
        .isBetween(200, 204);
    api.upload(
        DOCS + "/" + id + "/attachments",
        "补贴名单.xlsx",
        workbookWith(null),
        f.editor().username(),
        PASSWORD);
    assertThat(
            api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
  }

  private int draft(Api api, Fixture f, String body) {
    Api.Response created =
        api.post(
            DOCS,
            f.draftJson("个人信息检查测试").replace("<p>正文内容。</p>", body.replace("\"", "\\\"")),
            f.editor().username(),
            PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return created.json("$.id");
  }

  private static byte[] workbookWith(Double phone) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var row = workbook.createSheet("名单").createRow(0);
      row.createCell(0).setCellValue("李四");
      row.createCell(1).setCellValue("补贴 1200 元");
      if (phone != null) {
        row.createCell(2).setCellValue(phone);
      }
      var out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
