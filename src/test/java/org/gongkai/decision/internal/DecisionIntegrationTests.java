package org.gongkai.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The decision register (双公示): entry checked field by field, four eyes, publication, natural
 * persons masked everywhere the public looks, the 7-working-day rule and the public period.
 */
abstract class DecisionIntegrationTests extends PlatformIntegrationTests {

  @Autowired AuditTrail audit;

  @Autowired WorkingCalendar calendar;

  static String creditCode() {
    StringBuilder body = new StringBuilder("91341100");
    for (int i = 0; i < 9; i++) {
      body.append(ThreadLocalRandom.current().nextInt(10));
    }
    return OrganizationCodes.completeCreditCode(body.toString());
  }

  static String residentId() {
    String body =
        "341102199001"
            + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 28))
            + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    return body + ResidentIds.checkCharacter(body);
  }

  static String company(String name, String code) {
    return "{\"name\":"
        + Api.quote(name)
        + ",\"category\":\"LEGAL_PERSON\",\"creditCode\":\""
        + code
        + "\",\"legalRepresentative\":\"王建国\"}";
  }

  static String person(String name, String idNumber) {
    return "{\"name\":"
        + Api.quote(name)
        + ",\"category\":\"NATURAL_PERSON\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\""
        + idNumber
        + "\"}";
  }

  static String penalty(Fixture f, String number, LocalDate decidedOn, String party, String more) {
    return "{\"kind\":\"PENALTY\",\"agency\":\""
        + f.agency().code()
        + "\",\"party\":"
        + party
        + ",\"decisionNumber\":"
        + Api.quote(number)
        + ",\"decidedOn\":\""
        + decidedOn
        + "\",\"violationType\":\"未按规定备案\",\"facts\":\"经查，当事人未按规定办理备案。\","
        + "\"basis\":\"《单用途商业预付卡管理办法（试行）》第三十六条\",\"penaltyKinds\":[\"WARNING\",\"FINE\"],"
        + "\"content\":\"警告，并处罚款人民币壹万元。\",\"fineWan\":1"
        + more
        + "}";
  }

  long created(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((Number) r.json("$.id")).longValue();
  }

  void publish(Fixture f, long id) {
    String base = "/api/v1/admin/decisions/" + id;
    assertThat(api().post(base + "/submit", null, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(api().post(base + "/approve", null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(200);
    Api.Response published = api().post(base + "/publish", null, f.reviewer().username(), PASSWORD);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
  }

  @Test
  void everyFieldIsCheckedAndAnotherPersonApprovesBeforeItIsPublished() {
    Fixture f = newAgency();
    LocalDate today = clock.today();
    String number = "测商罚〔" + today.getYear() + "〕" + f.agency().code().substring(12) + "号";
    String code = creditCode();
    String bad = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
    Api.Response refused =
        api()
            .post(
                "/api/v1/admin/decisions",
                penalty(
                    f,
                    number,
                    today,
                    company("临江市某商贸有限公司", bad),
                    ",\"confiscatedWan\":-0.5,\"publicUntil\":\"" + today.minusDays(1) + "\""),
                f.editor().username(),
                PASSWORD);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.<List<String>>json("$.errors[*].field"))
        .containsExactlyInAnyOrder("party.creditCode", "confiscatedWan", "publicUntil");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM decision WHERE decision_number = ?")
                .param(number)
                .query(Long.class)
                .single())
        .as("nothing half-saved")
        .isZero();

    long id =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(f, number, today, company("临江市某商贸有限公司", code), ""),
                    f.editor().username(),
                    PASSWORD));
    String base = "/api/v1/admin/decisions/" + id;
    assertThat(api().get(base, f.editor().username(), PASSWORD).<String>json("$.state"))
        .isEqualTo("DRAFT");
    assertThat(api().get("/api/v1/decisions/" + id).status())
        .as("a draft is not public")
        .isEqualTo(404);
    api().post(base + "/submit", null, f.editor().username(), PASSWORD);
    assertThat(api().post(base + "/approve", null, f.editor().username(), PASSWORD).status())
        .as("who entered it does not approve it")
        .isEqualTo(403);
    assertThat(api().post(base + "/publish", null, f.reviewer().username(), PASSWORD).status())
        .as("not before it is approved")
        .isEqualTo(409);
    assertThat(
            api()
                .post(base + "/approve", null, f.reviewer().username(), PASSWORD)
                .<String>json("$.state"))
        .isEqualTo("APPROVED");
    Api.Response published = api().post(base + "/publish", null, f.reviewer().username(), PASSWORD);
    assertThat(published.<String>json("$.state")).isEqualTo("PUBLISHED");
    assertThat(published.<Boolean>json("$.late")).isFalse();

    Api.Response shown = api().get("/api/v1/decisions?q=" + code);
    assertThat(shown.<List<Integer>>json("$.items[*].id")).containsExactly((int) id);
    assertThat(shown.<String>json("$.items[0].party.name")).isEqualTo("临江市某商贸有限公司");
    assertThat(shown.<String>json("$.items[0].authorityCode")).isEqualTo(f.agency().code());
    assertThat(api().get("/decisions/" + id).body()).contains(number, "临江市某商贸有限公司", code);
    assertThat(api().get("/decisions/feed.atom").body()).contains("/decisions/" + id);
    assertThat(audit.forSubject("decision", id).stream().map(AuditEntry::action).toList())
        .contains(
            "decision.created", "decision.submitted", "decision.approved", "decision.published");

    Api.Response again =
        api()
            .post(
                "/api/v1/admin/decisions",
                penalty(f, number, today, company("另一家公司", creditCode()), ""),
                f.editor().username(),
                PASSWORD);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.<List<String>>json("$.errors[*].field")).containsExactly("decisionNumber");
  }

  @Test
  void aNaturalPersonShowsNoIdentityNumberAndAMaskedNameWhereverThePublicLooks() throws Exception {
    Fixture f = newAgency();
    LocalDate today = clock.today();
    String idNumber = residentId();
    String number = "测商罚〔" + today.getYear() + "〕P" + f.agency().code().substring(12) + "号";
    long id =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(f, number, today, person("张三丰", idNumber), ""),
                    f.editor().username(),
                    PASSWORD));
    publish(f, id);
    String stored =
        jdbc.sql("SELECT id_number FROM decision WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(stored).as("sealed at rest").startsWith("enr:").doesNotContain(idNumber);

    Api.Response json = api().get("/api/v1/decisions/" + id);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.<String>json("$.decision.party.name")).isEqualTo("张**");
    String page = api().get("/decisions/" + id).body();
    String list =
        api()
            .get(
                "/api/v1/decisions?q="
                    + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8))
            .body();
    String csv =
        api()
            .get(
                "/api/v1/admin/decisions/export?from="
                    + today
                    + "&format=csv&kind=PENALTY&agency="
                    + f.agency().code(),
                f.reviewer().username(),
                PASSWORD)
            .body();
    for (String shown :
        List.of(json.body(), page, list, csv, api().get("/decisions/feed.atom").body())) {
      assertThat(shown).doesNotContain(idNumber).doesNotContain("张三丰");
    }
    assertThat(page).contains("张**");
    String masked =
        idNumber.substring(0, 2) + "*".repeat(idNumber.length() - 4) + idNumber.substring(16);
    assertThat(csv).contains("张**", number);
    // The credit platform's files, in the standard's columns: the name masked, the identity
    // number masked to its first and last two characters, no legal representative.
    List<String> columns = StandardColumns.of(org.gongkai.decision.DecisionKind.PENALTY);
    List<String> csvRow =
        csv.lines()
            .filter(l -> l.contains(number))
            .findFirst()
            .map(l -> List.of(l.split(",", -1)))
            .orElseThrow();
    assertThat(csvRow.get(columns.indexOf("party.name"))).isEqualTo("张**");
    assertThat(csvRow.get(columns.indexOf("party.idNumber"))).isEqualTo(masked);
    assertThat(csvRow.get(columns.indexOf("party.legalRepresentative"))).isEmpty();
    assertThat(csvRow.get(columns.indexOf("party.creditCode"))).isEmpty();
    byte[] xlsx =
        org.springframework.web.client.RestClient.create()
            .get()
            .uri(
                "http://localhost:"
                    + port
                    + "/api/v1/admin/decisions/export?from="
                    + today
                    + "&format=xlsx&kind=PENALTY&agency="
                    + f.agency().code())
            .headers(h -> h.setBasicAuth(f.reviewer().username(), PASSWORD))
            .retrieve()
            .body(byte[].class);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
      java.util.List<String> cells = new java.util.ArrayList<>();
      for (var row : sheet) {
        for (var cell : row) {
          cells.add(formatter.formatCellValue(cell));
        }
      }
      assertThat(cells).contains("张**", masked, number).doesNotContain(idNumber, "张三丰");
      var row = sheet.getRow(1);
      assertThat(formatter.formatCellValue(row.getCell(columns.indexOf("party.idNumber"))))
          .isEqualTo(masked);
      assertThat(formatter.formatCellValue(row.getCell(columns.indexOf("party.name"))))
          .isEqualTo("张**");
    }
    assertThat(
            api()
                .get(
                    "/api/v1/decisions?q="
                        + java.net.URLEncoder.encode(
                            "张三丰", java.nio.charset.StandardCharsets.UTF_8))
                .<List<Object>>json("$.items"))
        .as("a natural person is not found by name")
        .isEmpty();
    assertThat(
            api()
                .get("/api/v1/admin/decisions/" + id, f.editor().username(), PASSWORD)
                .<String>json("$.form.party.idNumber"))
        .as("staff without the personal-data permission see it masked")
        .isNotEqualTo(idNumber)
        .startsWith(idNumber.substring(0, 2));
  }

  @Test
  void aDecisionEnteredOnItsEighthWorkingDayIsRecordedLateAndWaitsOnTheToDoList() throws Exception {
    Fixture f = newAgency();
    WorkingDays days = calendar.current();
    LocalDate today = clock.today();
    while (!days.isWorkingDay(today)) {
      today = today.plusDays(1);
    }
    clock.travelTo(today);
    LocalDate decided = today.minusDays(1);
    while (!days.addWorkingDays(decided, 8).equals(today)) {
      decided = decided.minusDays(1);
    }
    String number = "测商罚〔" + today.getYear() + "〕L" + f.agency().code().substring(12) + "号";
    long id =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(f, number, decided, company("迟到的公司", creditCode()), ""),
                    f.editor().username(),
                    PASSWORD));
    Api.Response entered =
        api().get("/api/v1/admin/decisions/" + id, f.editor().username(), PASSWORD);
    assertThat(entered.<Boolean>json("$.late")).isTrue();
    assertThat(entered.<Boolean>json("$.enteredLate")).isTrue();
    assertThat(entered.<String>json("$.publishBy"))
        .isEqualTo(days.addWorkingDays(decided, 7).toString());

    MockMvc mvc = consoleMvc();
    String home =
        mvc.perform(get("/console").session(consoleSession(mvc, f.editor().username())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(home).contains("未公示的许可处罚决定", number, "/console/decisions/" + id);

    Api.Response monitor =
        api()
            .get(
                "/api/v1/admin/monitor/findings?agency=" + f.agency().code(),
                f.editor().username(),
                PASSWORD);
    assertThat(monitor.<List<String>>json("$.findings[?(@.rule=='LATE_DECISION')].link"))
        .containsExactly("/console/decisions/" + id);

    publish(f, id);
    Api.Response published =
        api().get("/api/v1/admin/decisions/" + id, f.editor().username(), PASSWORD);
    assertThat(published.<Boolean>json("$.publishedLate"))
        .as("recorded late, never hidden")
        .isTrue();
    assertThat(api().get("/api/v1/decisions/" + id).status()).isEqualTo(200);
  }

  @Test
  void anEntryLeavesThePublicPagesWhenItsPublicPeriodEnds() {
    Fixture f = newAgency();
    LocalDate today = clock.today();
    String number = "测商罚〔" + today.getYear() + "〕E" + f.agency().code().substring(12) + "号";
    String code = creditCode();
    long id =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(
                        f,
                        number,
                        today,
                        company("期满的公司", code),
                        ",\"publicUntil\":\"" + today.plusDays(5) + "\""),
                    f.editor().username(),
                    PASSWORD));
    publish(f, id);
    clock.travelTo(today.plusDays(5));
    assertThat(api().get("/api/v1/decisions?q=" + code).<List<Integer>>json("$.items[*].id"))
        .containsExactly((int) id);
    clock.travelTo(today.plusDays(6));
    assertThat(api().get("/api/v1/decisions?q=" + code).<List<Object>>json("$.items")).isEmpty();
    assertThat(api().get("/decisions/" + id).status()).isEqualTo(410);
    assertThat(api().get("/decisions").body()).doesNotContain(number);
    assertThat(
            api()
                .get("/api/v1/admin/decisions/" + id, f.editor().username(), PASSWORD)
                .<String>json("$.state"))
        .as("kept on the register for staff")
        .isEqualTo("PUBLISHED");
  }

  @Test
  void aRevokedDecisionShowsWhyAndACorrectionShowsTheHistory() {
    Fixture f = newAgency();
    LocalDate today = clock.today();
    String suffix = f.agency().code().substring(12);
    String code = creditCode();
    long first =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(f, "测商罚R" + suffix, today, company("撤销的公司", code), ""),
                    f.editor().username(),
                    PASSWORD));
    publish(f, first);
    Api.Response revoked =
        api()
            .post(
                "/api/v1/admin/decisions/" + first + "/revoke",
                "{\"reason\":\"复议决定撤销\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(revoked.<String>json("$.state")).isEqualTo("REVOKED");
    assertThat(api().get("/decisions/" + first).body()).contains("复议决定撤销");

    long old =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(f, "测商罚C" + suffix, today, company("更正的公司", creditCode()), ""),
                    f.editor().username(),
                    PASSWORD));
    publish(f, old);
    long correction =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(
                        f,
                        "测商罚C" + suffix,
                        today,
                        company("更正的公司", creditCode()),
                        ",\"corrects\":" + old),
                    f.editor().username(),
                    PASSWORD));
    publish(f, correction);
    Api.Response shown = api().get("/api/v1/decisions/" + old);
    assertThat(shown.<String>json("$.decision.state")).isEqualTo("CORRECTED");
    assertThat(shown.<List<Integer>>json("$.history[*].id"))
        .containsExactly((int) old, (int) correction);
    assertThat(api().get("/decisions/" + correction).body()).contains("/decisions/" + old);
  }

  @Test
  void tableTwoCountsWhatTheRegisterHoldsForTheYear() {
    Fixture f = newAgency();
    LocalDate today = clock.today();
    String suffix = f.agency().code().substring(12);
    for (int i = 0; i < 3; i++) {
      publish(
          f,
          created(
              api()
                  .post(
                      "/api/v1/admin/decisions",
                      penalty(
                          f, "测商罚T" + suffix + "-" + i, today, company("计数的公司", creditCode()), ""),
                      f.editor().username(),
                      PASSWORD)));
    }
    String licence =
        "{\"kind\":\"LICENSING\",\"agency\":\""
            + f.agency().code()
            + "\",\"party\":"
            + company("许可的公司", creditCode())
            + ",\"decisionNumber\":\"测商许T"
            + suffix
            + "\",\"decidedOn\":\""
            + today
            + "\",\"licenceCategory\":\"GENERAL\",\"content\":\"准予成品油零售经营资格\",\"validFrom\":\""
            + today
            + "\",\"feeWan\":0.5}";
    long licensing =
        created(api().post("/api/v1/admin/decisions", licence, f.editor().username(), PASSWORD));
    publish(f, licensing);
    long second =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    licence.replace("测商许T", "测商许U").replace("0.5}", "1.25}"),
                    f.editor().username(),
                    PASSWORD));
    publish(f, second);
    created(
        api()
            .post(
                "/api/v1/admin/decisions",
                licence.replace("测商许T", "测商许V").replace("0.5}", "4}"),
                f.editor().username(),
                PASSWORD));
    Api.Response feeOnAPenalty =
        api()
            .post(
                "/api/v1/admin/decisions",
                penalty(f, "测商罚F" + suffix, today, company("收费的公司", creditCode()), ",\"feeWan\":1"),
                f.editor().username(),
                PASSWORD);
    assertThat(feeOnAPenalty.<List<String>>json("$.errors[*].field")).containsExactly("feeWan");
    created(
        api()
            .post(
                "/api/v1/admin/decisions",
                penalty(f, "测商罚D" + suffix, today, company("草稿的公司", creditCode()), ""),
                f.editor().username(),
                PASSWORD));
    Api.Response report =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency="
                    + f.agency().code()
                    + "&year="
                    + today.getYear(),
                f.reviewer().username(),
                PASSWORD);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    java.util.Map<String, Object> cells = report.json("$.cells");
    assertThat(cells)
        .as("published decisions of the year and their fees; the drafts are not counted")
        .containsEntry("table2.ARTICLE_20_5.LICENSING.DECISIONS", 2)
        .containsEntry("table2.ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT", 1.75)
        .containsEntry("table2.ARTICLE_20_6.PENALTY.DECISIONS", 3)
        .containsEntry("table2.ARTICLE_20_6.COERCION.DECISIONS", 0);
    Api.Response corrected =
        api()
            .put(
                "/api/v1/admin/reports/annual/corrections?agency="
                    + f.agency().code()
                    + "&year="
                    + today.getYear(),
                "{\"key\":\"ARTICLE_20_6.PENALTY.DECISIONS\",\"amount\":5,\"reason\":\"两件决定在平台启用前作出\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(corrected.status()).as(corrected.body()).isIn(200, 204);
    assertThat(
            api()
                .get(
                    "/api/v1/admin/reports/annual?agency="
                        + f.agency().code()
                        + "&year="
                        + today.getYear(),
                    f.reviewer().username(),
                    PASSWORD)
                .<Object>json("$.cells['table2.ARTICLE_20_6.PENALTY.DECISIONS']"))
        .isEqualTo(5);
    Api.Response fees =
        api()
            .put(
                "/api/v1/admin/reports/annual/corrections?agency="
                    + f.agency().code()
                    + "&year="
                    + today.getYear(),
                "{\"key\":\"ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT\",\"amount\":2.5,\"reason\":\"另有不随许可收取的收费\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(fees.status()).as(fees.body()).isEqualTo(200);
    assertThat(fees.<Object>json("$.cells['table2.ARTICLE_20_8.ADMINISTRATIVE_FEE.FEE_AMOUNT']"))
        .isEqualTo(2.5);
    assertThat(fees.<List<String>>json("$.entered[*].reason")).contains("另有不随许可收取的收费");
  }

  @Test
  void theTrialFormatsDecisionColumnsComeFromTheRegisterToo() {
    Fixture f = newAgency();
    LocalDate decided = LocalDate.of(2020, 6, 1);
    publish(
        f,
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(
                        f,
                        "测商罚〔2020〕" + f.agency().code().substring(12),
                        decided,
                        company("二〇二〇年的公司", creditCode()),
                        ""),
                    f.editor().username(),
                    PASSWORD)));
    Api.Response report =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + f.agency().code() + "&year=2020",
                f.reviewer().username(),
                PASSWORD);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    java.util.Map<String, Object> cells = report.json("$.cells");
    assertThat(cells)
        .containsEntry("table2.ARTICLE_20_6.PENALTY.DECISIONS", 1)
        .containsEntry("table2.ARTICLE_20_6.COERCION.DECISIONS", 0)
        .containsEntry("table2.ARTICLE_20_5.LICENSING.DECISIONS", 0)
        .as("the item counts and other services stay entered")
        .containsEntry("table2.ARTICLE_20_6.PENALTY.PREVIOUS_YEAR_ITEMS", null)
        .containsEntry("table2.ARTICLE_20_5.OTHER_SERVICES.DECISIONS", null);
    assertThat(
            api()
                .put(
                    "/api/v1/admin/reports/annual/figures?agency="
                        + f.agency().code()
                        + "&year=2020",
                    "{\"ARTICLE_20_6.PENALTY.DECISIONS\":7}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .as("counted, so corrected with a reason rather than entered")
        .isEqualTo(400);
  }

  @Test
  void anImportOfAThousandRowsWithThreeBadCellsIsRefusedWholeNamingTheThree() throws Exception {
    Fixture f = newAgency();
    LocalDate today = clock.today();
    String suffix = f.agency().code().substring(12);
    List<String> columns = StandardColumns.of(org.gongkai.decision.DecisionKind.PENALTY);
    java.util.function.Function<Boolean, byte[]> workbook =
        bad -> {
          try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
              var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("行政处罚");
            var head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
              head.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 1; r <= 1000; r++) {
              var row = sheet.createRow(r);
              java.util.Map<String, String> v = new java.util.HashMap<>();
              v.put("party.name", "导入的公司" + r);
              v.put("party.category", r % 2 == 0 ? "法人" : "LEGAL_PERSON");
              v.put("party.creditCode", creditCode());
              v.put("party.legalRepresentative", "法人" + r);
              v.put("decisionNumber", "测商罚I" + suffix + "-" + r + (bad ? "" : "g"));
              v.put("violationType", "未按规定备案");
              v.put("facts", "经查属实。");
              v.put("basis", "《办法》第三十六条");
              v.put("penaltyKinds", "警告、罚款");
              v.put("content", "警告并处罚款。");
              v.put("fineWan", "0.5");
              v.put("decidedOn", today.minusDays(r % 30).toString());
              if (bad && r == 17) {
                v.put("party.creditCode", "91341100000000000X");
              }
              if (bad && r == 500) {
                v.put("fineWan", "-2");
              }
              if (bad && r == 999) {
                v.put("decidedOn", "2026-02-30");
              }
              for (int c = 0; c < columns.size(); c++) {
                String value = v.get(columns.get(c));
                if (value != null) {
                  row.createCell(c).setCellValue(value);
                }
              }
            }
            book.write(out);
            return out.toByteArray();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    String path = "/api/v1/admin/decisions/import?agency=" + f.agency().code() + "&kind=PENALTY";
    Api.Response refused =
        api().upload(path, "decisions.xlsx", workbook.apply(true), f.editor().username(), PASSWORD);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.<List<Integer>>json("$.errors[*].row")).containsExactly(18, 501, 1000);
    assertThat(refused.<List<String>>json("$.errors[*].field"))
        .containsExactly("party.creditCode", "fineWan", "decidedOn");
    assertThat(refused.<List<String>>json("$.errors[*].column"))
        .containsExactly(
            StandardColumns.letter(columns.indexOf("party.creditCode")),
            StandardColumns.letter(columns.indexOf("fineWan")),
            StandardColumns.letter(columns.indexOf("decidedOn")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM decision WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Long.class)
                .single())
        .as("whole or nothing")
        .isZero();

    Api.Response imported =
        api()
            .upload(path, "decisions.xlsx", workbook.apply(false), f.editor().username(), PASSWORD);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.<Integer>json("$.rows")).isEqualTo(1000);
    assertThat(
            api()
                .get(
                    "/api/v1/admin/decisions?agency=" + f.agency().code() + "&state=DRAFT",
                    f.editor().username(),
                    PASSWORD)
                .<Integer>json("$.total"))
        .isEqualTo(1000);
  }

  @Test
  void theConsoleFormNamesEachProblemAndEntersADraft() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    var session = consoleSession(mvc, f.editor().username());
    String refused =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/console/decisions")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .session(session)
                    .param("agency", f.agency().code())
                    .param("kind", "PENALTY")
                    .param("party.name", "表单的公司")
                    .param("party.category", "LEGAL_PERSON")
                    .param("party.creditCode", "123")
                    .param("party.legalRepresentative", "李四")
                    .param("decisionNumber", "测商罚F" + f.agency().code().substring(12))
                    .param("decidedOn", "2026-13-01"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("不是有效的统一社会信用代码", "不是日期", "表单的公司", "href=\"#f-party-creditCode\"");
    var saved =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/console/decisions")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .session(session)
                    .param("agency", f.agency().code())
                    .param("kind", "PENALTY")
                    .param("party.name", "表单的公司")
                    .param("party.category", "LEGAL_PERSON")
                    .param("party.creditCode", creditCode())
                    .param("party.legalRepresentative", "李四")
                    .param("decisionNumber", "测商罚F" + f.agency().code().substring(12))
                    .param("decidedOn", clock.today().toString())
                    .param("violationType", "未备案")
                    .param("facts", "事实")
                    .param("basis", "依据")
                    .param("penaltyKinds", "WARNING")
                    .param("content", "警告"))
            .andReturn();
    assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/console/decisions/");
    String page =
        mvc.perform(get(saved.getResponse().getRedirectedUrl()).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("表单的公司", "草稿", "step-submit").doesNotContain("step-approve");
  }

  @Test
  void thePublicRegisterIsInTheMenuAndTheSitemapAndItsFeedIsLinked() {
    Fixture mine = newAgency();
    String suffix = mine.agency().code().substring(12).toLowerCase();
    String host = "register-" + suffix + ".localhost";
    assertThat(
            api()
                .post(
                    "/api/v1/admin/sites",
                    "{\"name\":\"双公示菜单站"
                        + suffix
                        + "\",\"hosts\":[\""
                        + host
                        + "\"],\"agency\":\""
                        + mine.agency().code()
                        + "\",\"idCode\":\"3399000"
                        + (100 + ThreadLocalRandom.current().nextInt(900))
                        + "\",\"type\":\"DEPARTMENT\"}",
                    "admin",
                    ADMIN_PASSWORD)
                .status())
        .isEqualTo(201);
    assertThat(org.gongkai.support.HostRequests.page(port, "/", host))
        .as("a site's menu before its administrators arrange it")
        .contains("href=\"/decisions\"", "双公示");
    assertThat(org.gongkai.support.HostRequests.get(port, "/sitemaps/pages.xml", host))
        .contains("/decisions</loc>");
    String register = api().get("/decisions").body();
    assertThat(register)
        .contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/decisions/feed.atom\"",
            "href=\"/decisions/feed.atom\">");
    assertThat(api().get("/decisions/feed.atom").status()).isEqualTo(200);
  }

  @Test
  void eachSiteShowsTheDecisionsOfItsOwnAgencies() {
    Fixture mine = newAgency();
    Fixture other = newAgency();
    String suffix = mine.agency().code().substring(12).toLowerCase();
    String host = "decisions-" + suffix + ".localhost";
    assertThat(
            api()
                .post(
                    "/api/v1/admin/sites",
                    "{\"name\":\"双公示测试站"
                        + suffix
                        + "\",\"hosts\":[\""
                        + host
                        + "\"],\"agency\":\""
                        + mine.agency().code()
                        + "\",\"idCode\":\"3399000"
                        + (100 + ThreadLocalRandom.current().nextInt(900))
                        + "\",\"type\":\"DEPARTMENT\"}",
                    "admin",
                    ADMIN_PASSWORD)
                .status())
        .isEqualTo(201);
    LocalDate today = clock.today();
    long own =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(mine, "本站罚" + suffix, today, company("本站的公司", creditCode()), ""),
                    mine.editor().username(),
                    PASSWORD));
    publish(mine, own);
    long foreign =
        created(
            api()
                .post(
                    "/api/v1/admin/decisions",
                    penalty(other, "他站罚" + suffix, today, company("他站的公司", creditCode()), ""),
                    other.editor().username(),
                    PASSWORD));
    publish(other, foreign);
    String list = org.gongkai.support.HostRequests.get(port, "/api/v1/decisions", host);
    assertThat(list).contains("\"id\":" + own + ",").doesNotContain("\"id\":" + foreign + ",");
    assertThat(org.gongkai.support.HostRequests.get(port, "/decisions/" + foreign, host))
        .startsWith("HTTP/1.1 404");
    assertThat(org.gongkai.support.HostRequests.get(port, "/decisions/" + own, host))
        .startsWith("HTTP/1.1 200");
  }
}
