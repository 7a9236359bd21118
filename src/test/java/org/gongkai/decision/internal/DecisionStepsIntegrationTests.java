package org.gongkai.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.decision.DecisionKind;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import's drafts submitted, approved and published together (all or none, each audited), and a
 * draft or a returned decision changed in the console and through the API.
 */
abstract class DecisionStepsIntegrationTests extends PlatformIntegrationTests {

  @Autowired AuditTrail audit;

  /** A workbook of {@code rows} penalties on companies, in the standard's columns. */
  static byte[] penalties(String prefix, int rows, LocalDate decidedOn) {
    List<String> columns = StandardColumns.of(DecisionKind.PENALTY);
    try (var book = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = book.createSheet("行政处罚");
      var head = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        head.createCell(c).setCellValue(columns.get(c));
      }
      for (int r = 1; r <= rows; r++) {
        Map<String, String> v = new HashMap<>();
        v.put("party.name", "批量的公司" + r);
        v.put("party.category", "LEGAL_PERSON");
        v.put("party.creditCode", DecisionIntegrationTests.creditCode());
        v.put("party.legalRepresentative", "代表" + r);
        v.put("decisionNumber", prefix + "-" + r);
        v.put("violationType", "未按规定备案");
        v.put("facts", "经查属实。");
        v.put("basis", "《办法》第三十六条");
        v.put("penaltyKinds", "警告");
        v.put("content", "警告。");
        v.put("decidedOn", decidedOn.toString());
        var row = sheet.createRow(r);
        for (int c = 0; c < columns.size(); c++) {
          if (v.get(columns.get(c)) != null) {
            row.createCell(c).setCellValue(v.get(columns.get(c)));
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String state(long id, Fixture f) {
    return api()
        .get("/api/v1/admin/decisions/" + id, f.editor().username(), PASSWORD)
        .json("$.state");
  }

  private List<Long> ofBatch(Fixture f, String batch) {
    List<Number> ids =
        api()
            .get(
                "/api/v1/admin/decisions?agency=" + f.agency().code() + "&batch=" + batch,
                f.editor().username(),
                PASSWORD)
            .json("$.items[*].id");
    return ids.stream().map(Number::longValue).toList();
  }

  @Test
  void anImportsDraftsAreSubmittedApprovedAndPublishedTogetherEachAudited() {
    Fixture f = newAgency();
    String prefix = "测商罚B" + f.agency().code().substring(12);
    Api.Response imported =
        api()
            .upload(
                "/api/v1/admin/decisions/import?agency=" + f.agency().code() + "&kind=PENALTY",
                "decisions.xlsx",
                penalties(prefix, 3, clock.today()),
                f.editor().username(),
                PASSWORD);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    String batch = imported.json("$.batch");
    List<Long> ids = ofBatch(f, batch);
    assertThat(ids).hasSize(3);

    Api.Response submitted =
        api()
            .post(
                "/api/v1/admin/decisions/submit",
                "{\"batch\":\"" + batch + "\"}",
                f.editor().username(),
                PASSWORD);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.<Integer>json("$.decisions")).isEqualTo(3);

    String chosen = "{\"ids\":" + ids + "}";
    Api.Response ownApproval =
        api().post("/api/v1/admin/decisions/approve", chosen, f.editor().username(), PASSWORD);
    assertThat(ownApproval.status()).as("four eyes, for each one").isEqualTo(409);
    assertThat(ownApproval.<List<Integer>>json("$.errors[*].id"))
        .containsExactlyElementsOf(ids.stream().map(Long::intValue).toList());
    assertThat(ids).allSatisfy(id -> assertThat(state(id, f)).isEqualTo("SUBMITTED"));

    assertThat(
            api()
                .post(
                    "/api/v1/admin/decisions/approve",
                    "{\"batch\":\"" + batch + "\"}",
                    f.reviewer().username(),
                    PASSWORD)
                .<Integer>json("$.decisions"))
        .isEqualTo(3);
    // One decision not yet approved among them: none is published, and only it is named.
    long single =
        ((Number)
                api()
                    .post(
                        "/api/v1/admin/decisions",
                        DecisionIntegrationTests.penalty(
                            f,
                            prefix + "-single",
                            clock.today(),
                            DecisionIntegrationTests.company(
                                "单独的公司", DecisionIntegrationTests.creditCode()),
                            ""),
                        f.editor().username(),
                        PASSWORD)
                    .json("$.id"))
            .longValue();
    List<Long> withDraft = new java.util.ArrayList<>(ids);
    withDraft.add(single);
    Api.Response mixed =
        api()
            .post(
                "/api/v1/admin/decisions/publish",
                "{\"ids\":" + withDraft + "}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(mixed.status()).isEqualTo(409);
    assertThat(mixed.<List<Integer>>json("$.errors[*].id")).containsExactly((int) single);
    assertThat(mixed.<List<String>>json("$.errors[*].message"))
        .singleElement()
        .asString()
        .contains("草稿");
    assertThat(ids).allSatisfy(id -> assertThat(state(id, f)).isEqualTo("APPROVED"));

    Api.Response published =
        api().post("/api/v1/admin/decisions/publish", chosen, f.reviewer().username(), PASSWORD);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(ids).allSatisfy(id -> assertThat(state(id, f)).isEqualTo("PUBLISHED"));
    for (long id : ids) {
      assertThat(audit.forSubject("decision", id))
          .extracting(AuditEntry::action)
          .contains(
              "decision.imported", "decision.submitted", "decision.approved", "decision.published");
    }
    assertThat(api().get("/api/v1/decisions/" + ids.get(0)).status()).isEqualTo(200);
  }

  @Test
  void theConsoleTakesAStepOnAllOfAnImportOrOnTheDecisionsTicked() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    var editor = consoleSession(mvc, f.editor().username());
    var reviewer = consoleSession(mvc, f.reviewer().username());
    String prefix = "测商罚K" + f.agency().code().substring(12);
    String back =
        mvc.perform(
                multipart("/console/decisions/import")
                    .file(
                        new MockMultipartFile(
                            "file", "d.xlsx", null, penalties(prefix, 2, clock.today())))
                    .param("agency", f.agency().code())
                    .param("kind", "PENALTY")
                    .with(csrf())
                    .session(editor))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(back).contains("batch=");
    String batch = URLDecoder.decode(back.replaceAll(".*batch=", ""), StandardCharsets.UTF_8);
    String list =
        mvc.perform(get(back).session(editor)).andReturn().getResponse().getContentAsString();
    assertThat(list).contains("本次导入的决定", "batch-all-submit", prefix + "-1", prefix + "-2");

    mvc.perform(
            post("/console/decisions/batch")
                .param("step", "submit")
                .param("all", "true")
                .param("batch", batch)
                .param("agency", f.agency().code())
                .with(csrf())
                .session(editor))
        .andReturn();
    List<Long> ids = ofBatch(f, batch);
    assertThat(ids).allSatisfy(id -> assertThat(state(id, f)).isEqualTo("SUBMITTED"));

    var refused =
        mvc.perform(
                post("/console/decisions/batch")
                    .param("step", "approve")
                    .param("ids", String.valueOf(ids.get(0)))
                    .param("agency", f.agency().code())
                    .with(csrf())
                    .session(editor))
            .andReturn();
    String shown =
        mvc.perform(get(refused.getResponse().getRedirectedUrl()).session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(shown).contains("不能执行此操作", prefix + "-");
    assertThat(state(ids.get(0), f)).isEqualTo("SUBMITTED");

    mvc.perform(
            post("/console/decisions/batch")
                .param("step", "approve")
                .param("ids", String.valueOf(ids.get(0)))
                .param("agency", f.agency().code())
                .with(csrf())
                .session(reviewer))
        .andReturn();
    assertThat(state(ids.get(0), f)).isEqualTo("APPROVED");
    assertThat(state(ids.get(1), f)).as("only the one ticked").isEqualTo("SUBMITTED");
  }

  @Test
  void aDraftAndAReturnedDecisionAreChangedInTheConsoleAndThroughTheApi() throws Exception {
    Fixture f = newAgency();
    String idNumber = DecisionIntegrationTests.residentId();
    String number = "测商罚E" + f.agency().code().substring(12);
    long id =
        ((Number)
                api()
                    .post(
                        "/api/v1/admin/decisions",
                        DecisionIntegrationTests.penalty(
                            f,
                            number,
                            clock.today(),
                            DecisionIntegrationTests.person("李小龙", idNumber),
                            ""),
                        f.editor().username(),
                        PASSWORD)
                    .json("$.id"))
            .longValue();
    String hash =
        jdbc.sql("SELECT id_number_hash FROM decision WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    MockMvc mvc = consoleMvc();
    var editor = consoleSession(mvc, f.editor().username());
    String page =
        mvc.perform(get("/console/decisions/" + id).session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("/console/decisions/" + id + "/edit");
    String form =
        mvc.perform(get("/console/decisions/" + id + "/edit").session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("李小龙", number, "未按规定备案", "value=\"WARNING,FINE\"", "留空则保留")
        .doesNotContain(idNumber);

    Map<String, String> values = new HashMap<>(ConsoleForms.values(decisionForm(id, f)));
    values.put("content", "警告，并处罚款人民币贰万元。");
    values.put("fineWan", "-2");
    var request = post("/console/decisions/" + id + "/edit").with(csrf()).session(editor);
    values.forEach(request::param);
    String refused = mvc.perform(request).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("不能为负数", "警告，并处罚款人民币贰万元。");

    values.put("fineWan", "2");
    var again = post("/console/decisions/" + id + "/edit").with(csrf()).session(editor);
    values.forEach(again::param);
    assertThat(mvc.perform(again).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/console/decisions/" + id);
    Api.Response changed =
        api().get("/api/v1/admin/decisions/" + id, f.editor().username(), PASSWORD);
    assertThat(changed.<String>json("$.form.content")).isEqualTo("警告，并处罚款人民币贰万元。");
    assertThat(changed.<Object>json("$.form.fineWan")).isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT id_number_hash FROM decision WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .as("the identity number left empty is kept")
        .isEqualTo(hash);

    String base = "/api/v1/admin/decisions/" + id;
    api().post(base + "/submit", null, f.editor().username(), PASSWORD);
    String body =
        DecisionIntegrationTests.penalty(
            f,
            number,
            clock.today(),
            DecisionIntegrationTests.person("李小龙", idNumber),
            ",\"note\":\"退回后补充\"");
    assertThat(api().put(base, body, f.editor().username(), PASSWORD).status())
        .as("not once submitted")
        .isEqualTo(409);
    api().post(base + "/return", "{\"reason\":\"事实表述不完整\"}", f.reviewer().username(), PASSWORD);
    Api.Response put = api().put(base, body, f.editor().username(), PASSWORD);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.<String>json("$.form.note")).isEqualTo("退回后补充");
    assertThat(put.<String>json("$.state")).isEqualTo("DRAFT");
    assertThat(audit.forSubject("decision", id))
        .extracting(AuditEntry::action)
        .containsSubsequence("decision.updated", "decision.returned", "decision.updated");
  }

  @Autowired Decisions decisions;

  private org.gongkai.decision.DecisionForm decisionForm(long id, Fixture f) {
    return decisions.get(id, f.editor()).form();
  }
}
