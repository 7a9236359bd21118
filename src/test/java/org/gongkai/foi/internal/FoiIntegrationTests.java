package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.support.Api;
import org.gongkai.support.Challenges;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * Information requests from the public form to the delivered reply, through the real HTTP surfaces.
 */
abstract class FoiIntegrationTests extends PlatformIntegrationTests {

  /** A valid resident ID number (the GB 11643 example). */
  static final String RESIDENT_ID = "11010519491231002X";

  @Autowired WebApplicationContext context;

  @Autowired WorkingCalendar calendar;

  @Autowired FoiReminders reminders;

  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
  }

  static String applicationJson(String agency, String name) {
    return "{\"agency\":\""
        + agency
        + "\",\"applicantType\":\"NATURAL_PERSON\",\"name\":"
        + Api.quote(name)
        + ",\"idType\":\"RESIDENT_ID\",\"idNumber\":\""
        + RESIDENT_ID
        + "\",\"phone\":\"13812345678\","
        + "\"email\":\"zhang@example.cn\",\"address\":\"临江市滨江路100号\",\"description\":\"2025年城区道路改造项目的招标文件\","
        + "\"purpose\":\"了解项目情况\",\"deliveryChannel\":\"EMAIL\"}";
  }

  String staffPost(Fixture f, String path, String json) {
    Api.Response r = api().post(path, json, f.editor().username(), PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  long requestId(String trackingCode) {
    return jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
        .param(trackingCode)
        .query(Long.class)
        .single();
  }

  @Test
  void aRequestGoesFromThePublicFormToTheDeliveredReplyLetter() throws Exception {
    Fixture f = newAgency();
    assertThat(
            mvc.perform(get("/foi/apply").param("agency", f.agency().code()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("政府信息公开申请", "name=\"submissionToken\"");

    MvcResult submitted =
        mvc.perform(
                post("/foi/apply")
                    .with(csrf())
                    .param("altcha", Challenges.solved("http://localhost:" + port))
                    .param("agency", f.agency().code())
                    .param("applicantType", "NATURAL_PERSON")
                    .param("name", "张三")
                    .param("idType", "RESIDENT_ID")
                    .param("idNumber", RESIDENT_ID)
                    .param("phone", "13812345678")
                    .param("email", "zhang@example.cn")
                    .param("address", "临江市滨江路100号")
                    .param("title", "城区道路改造项目招标文件")
                    .param("description", "2025年城区道路改造项目的招标文件")
                    .param("informationForm", "ELECTRONIC")
                    .param("deliveryChannel", "EMAIL")
                    .param("submissionToken", "token-" + f.agency().code()))
            .andReturn();
    Acknowledgement ack = (Acknowledgement) submitted.getModelAndView().getModel().get("ack");
    assertThat(ack.trackingCode()).startsWith("Y").hasSize(11);
    String page = submitted.getResponse().getContentAsString();
    assertThat(page).contains(ack.trackingCode(), ack.secret());
    assertThat(submitted.getRequest().getSession(false))
        .as("the acknowledgement is the answer to the post, carried by no session")
        .isNull();

    // A double click sends the same form token again: still one request, the same answer.
    MvcResult again =
        mvc.perform(
                post("/foi/apply")
                    .with(csrf())
                    .param("altcha", Challenges.solved("http://localhost:" + port))
                    .param("agency", f.agency().code())
                    .param("applicantType", "NATURAL_PERSON")
                    .param("name", "张三")
                    .param("idType", "RESIDENT_ID")
                    .param("idNumber", RESIDENT_ID)
                    .param("phone", "13812345678")
                    .param("email", "zhang@example.cn")
                    .param("address", "临江市滨江路100号")
                    .param("title", "城区道路改造项目招标文件")
                    .param("description", "2025年城区道路改造项目的招标文件")
                    .param("informationForm", "ELECTRONIC")
                    .param("deliveryChannel", "EMAIL")
                    .param("submissionToken", "token-" + f.agency().code()))
            .andReturn();
    assertThat(again.getResponse().getContentAsString()).contains(ack.trackingCode());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    Api.Response status =
        api().get("/api/v1/foi/requests/" + ack.trackingCode() + "?secret=" + ack.secret());
    assertThat(
            api()
                .with("X-Tracking-Secret", ack.secret())
                .get("/api/v1/foi/requests/" + ack.trackingCode())
                .status())
        .as("the secret in a header, kept out of access logs")
        .isEqualTo(200);
    assertThat(
            api()
                .with("X-Tracking-Secret", "WRONG")
                .get("/api/v1/foi/requests/" + ack.trackingCode())
                .status())
        .isEqualTo(404);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.<String>json("$.state")).isEqualTo("SUBMITTED");
    assertThat(status.body()).doesNotContain("张三", RESIDENT_ID, "13812345678", "zhang@example.cn");

    long id = requestId(ack.trackingCode());
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    staffPost(
        f, "/api/v1/admin/foi/requests/" + id + "/register", "{\"receivedOn\":\"" + today + "\"}");
    String assigned =
        staffPost(
            f,
            "/api/v1/admin/foi/requests/" + id + "/assign",
            "{\"assignee\":" + f.editor().id() + "}");
    assertThat(assigned).contains("\"masked\":true").doesNotContain(RESIDENT_ID);
    LocalDate due = calendar.current().addWorkingDays(today, 20);
    assertThat(
            api()
                .get("/api/v1/foi/requests/" + ack.trackingCode() + "?secret=" + ack.secret())
                .<String>json("$.dueOn"))
        .isEqualTo(due.toString());

    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + id + "/reply",
        "{\"outcome\":\"DISCLOSED\",\"explanation\":\"所申请的招标文件见附件，请查收。\"}");
    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + id + "/delivery",
        "{\"method\":\"EMAIL\",\"deliveredOn\":\"" + today + "\"}");

    ResponseEntity<byte[]> docx =
        api().download("/api/v1/admin/foi/requests/" + id + "/letter.docx");
    assertThat(docx.getStatusCode().value()).isEqualTo(401);
    grantPersonalData(f.editor());
    byte[] letter =
        RestClient.create()
            .get()
            .uri("http://localhost:" + port + "/api/v1/admin/foi/requests/" + id + "/letter.docx")
            .headers(h -> h.setBasicAuth(f.editor().username(), PASSWORD))
            .retrieve()
            .body(byte[].class);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(letter));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText())
          .contains(
              f.agency().name() + "政府信息公开申请答复书",
              "张三：",
              ack.trackingCode(),
              "城区道路改造项目招标文件",
              "第三十六条",
              "所申请的招标文件见附件",
              "行政复议",
              "测试路1号");
    }

    Api.Response replied =
        api().get("/api/v1/foi/requests/" + ack.trackingCode() + "?secret=" + ack.secret());
    assertThat(replied.<String>json("$.state")).isEqualTo("REPLIED");
    assertThat(replied.<String>json("$.outcome")).isEqualTo("DISCLOSED");
    assertThat(replied.<String>json("$.reply")).contains("所申请的招标文件见附件");
    assertThat(replied.<String>json("$.deliveredOn")).isEqualTo(today.toString());
    assertThat(
            api()
                .get("/api/v1/foi/requests/" + ack.trackingCode() + "?secret=WRONGSECRET")
                .status())
        .isEqualTo(404);
    assertThat(api().get("/api/v1/foi/requests/YNOSUCHCODE0?secret=" + ack.secret()).status())
        .isEqualTo(404);

    List<String> steps =
        jdbc.sql("SELECT kind FROM foi_event WHERE request_id = ? ORDER BY id")
            .param(id)
            .query(String.class)
            .list();
    assertThat(steps)
        .containsSubsequence("SUBMITTED", "REGISTERED", "ASSIGNED", "REPLIED", "DELIVERED");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'foi-request' AND subject_id = ?")
                .param(String.valueOf(id))
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(5);

    // Reopening needs a reason.
    assertThat(
            api()
                .post(
                    "/api/v1/admin/foi/requests/" + id + "/reopen",
                    "{\"reason\":\" \"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(400);
    // Reopening an answered request needs the period the decision orders for the new answer.
    Api.Response noPeriod =
        api()
            .post(
                "/api/v1/admin/foi/requests/" + id + "/reopen",
                "{\"reason\":\"申请人反映附件缺页\"}",
                f.editor().username(),
                PASSWORD);
    assertThat(noPeriod.status()).isEqualTo(400);
    assertThat(noPeriod.<List<String>>json("$.errors[*].field")).containsExactly("days");
    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + id + "/reopen",
        "{\"reason\":\"申请人反映附件缺页\",\"decision\":\"复议决定\",\"days\":15}");
  }

  @Test
  void personalDataIsMaskedForStaffNotAssigned() {
    Fixture f = newAgency();
    Api.Response created =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(applicationJson(f.agency().code(), "李四")),
                null,
                null);
    assertThat(created.status()).isEqualTo(201);
    long id = requestId(created.json("$.trackingCode"));
    Api.Response masked =
        api().get("/api/v1/admin/foi/requests/" + id, f.reviewer().username(), PASSWORD);
    assertThat(masked.<Boolean>json("$.applicant.masked")).isTrue();
    assertThat(masked.body()).doesNotContain(RESIDENT_ID, "13812345678", "李四");
    assertThat(masked.<String>json("$.applicant.name")).isEqualTo("李*");
    Api.Response list =
        api()
            .get(
                "/api/v1/admin/foi/requests?agency=" + f.agency().code(),
                f.reviewer().username(),
                PASSWORD);
    assertThat(list.body()).doesNotContain("李四").contains("李*");
    Fixture other = newAgency();
    assertThat(
            api()
                .get("/api/v1/admin/foi/requests/" + id, other.editor().username(), PASSWORD)
                .status())
        .isEqualTo(403);

    // Taking the request on does not open the personal data; the permission does, and each view is
    // recorded.
    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + id + "/assign",
        "{\"assignee\":" + f.editor().id() + "}");
    String path = "/api/v1/admin/foi/requests/" + id;
    assertThat(api().get(path + "?reveal=true", f.editor().username(), PASSWORD).status())
        .isEqualTo(403);
    assertThat(api().get(path, f.editor().username(), PASSWORD).<Boolean>json("$.applicant.masked"))
        .isTrue();
    assertThat(
            api().get(path + "/letter?outcome=DISCLOSED", f.editor().username(), PASSWORD).body())
        .contains("李*")
        .doesNotContain("李四");
    assertThat(
            api()
                .get(path + "/letter.docx?outcome=DISCLOSED", f.editor().username(), PASSWORD)
                .status())
        .isEqualTo(403);

    grantPersonalData(f.reviewer());
    Api.Response full = api().get(path + "?reveal=true", f.reviewer().username(), PASSWORD);
    assertThat(full.<String>json("$.applicant.name")).isEqualTo("李四");
    assertThat(full.body()).contains(RESIDENT_ID);
    assertThat(
            api()
                .get(path + "/letter.docx?outcome=DISCLOSED", f.reviewer().username(), PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_record WHERE subject_type = 'foi-request' AND subject_id = ?"
                        + " AND actor = ? ORDER BY id")
                .params(String.valueOf(id), f.reviewer().username())
                .query(String.class)
                .list())
        .containsExactly("foi.personal-data.viewed", "foi.letter.opened");
  }

  @Test
  void badInputGetsFieldMessagesAndStoresNothing() {
    Fixture f = newAgency();
    String bad =
        applicationJson(f.agency().code(), "王五")
            .replace(RESIDENT_ID, "110105194912310021")
            .replace("\"email\":\"zhang@example.cn\",", "");
    Api.Response r = api().post("/api/v1/foi/requests", api().answered(bad), null, null);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers().getContentType().toString()).contains("application/problem+json");
    assertThat(r.<List<String>>json("$.errors[*].field")).contains("idNumber", "email");
    Api.Response missing =
        api()
            .post("/api/v1/foi/requests", "{\"agency\":\"" + f.agency().code() + "\"}", null, null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.<List<String>>json("$.errors[*].field"))
        .contains("name", "description", "idNumber");
    Api.Response uscc =
        api()
            .post(
                "/api/v1/foi/requests",
                api()
                    .answered(
                        applicationJson(f.agency().code(), "某公司")
                            .replace("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE")
                            .replace("RESIDENT_ID", "USCC")),
                null,
                null);
    assertThat(uscc.<List<String>>json("$.errors[*].field")).contains("idNumber");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anIdempotencyKeyMakesARetrySafe() {
    Fixture f = newAgency();
    String json = api().answered(applicationJson(f.agency().code(), "赵六"));
    Api.Response first = postWithKey(json, "retry-" + f.agency().code());
    Api.Response second = postWithKey(json, "retry-" + f.agency().code());
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.<String>json("$.trackingCode")).isEqualTo(first.json("$.trackingCode"));
    assertThat(second.<String>json("$.secret")).isEqualTo(first.json("$.secret"));
    Api.Response different = postWithKey(json.replace("赵六", "赵七"), "retry-" + f.agency().code());
    assertThat(different.status()).isEqualTo(409);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyIsOnlyOneClientsAtOneEndpoint() {
    Fixture f = newAgency();
    String key = "shared-" + f.agency().code();
    Api.Response mine =
        postWithKey(api().answered(applicationJson(f.agency().code(), "钱一")), key, "203.0.113.7");
    Api.Response theirs =
        postWithKey(api().answered(applicationJson(f.agency().code(), "孙二")), key, "198.51.100.9");
    assertThat(mine.status()).as(mine.body()).isEqualTo(201);
    assertThat(theirs.status())
        .as("another client's key neither blocks nor finds this one's request: " + theirs.body())
        .isEqualTo(201);
    assertThat(theirs.<String>json("$.trackingCode")).isNotEqualTo(mine.json("$.trackingCode"));
    Api.Response neighbour =
        postWithKey(
            api().answered(applicationJson(f.agency().code(), "钱一")), key, "2001:db8:1:2::99");
    Api.Response sameNetwork =
        postWithKey(
            api().answered(applicationJson(f.agency().code(), "钱一")), key, "2001:db8:1:2::5");
    assertThat(sameNetwork.<String>json("$.trackingCode"))
        .as("an IPv6 client is its /64")
        .isEqualTo(neighbour.json("$.trackingCode"));
    assertThat(
            jdbc.sql("SELECT idempotency_key FROM foi_request WHERE agency_id = ?")
                .param(f.agency().id())
                .query(String.class)
                .list())
        .hasSize(3)
        .noneMatch(stored -> stored.contains(key));
  }

  private Api.Response postWithKey(String json, String key) {
    return postWithKey(json, key, "127.0.0.1");
  }

  private Api.Response postWithKey(String json, String key, String client) {
    var entity =
        RestClient.builder()
            .defaultStatusHandler(s -> true, (req, res) -> {})
            .build()
            .post()
            .uri("http://localhost:" + port + "/api/v1/foi/requests")
            .header("Idempotency-Key", key)
            .header("X-Forwarded-For", client)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .retrieve()
            .toEntity(String.class);
    return new Api.Response(entity.getStatusCode().value(), entity.getBody(), entity.getHeaders());
  }

  @Test
  void twoHundredParallelSubmissionsGiveTwoHundredRequests() throws Exception {
    Fixture f = newAgency();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String json = api().answered(applicationJson(f.agency().code(), "申请人" + i));
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return api().post("/api/v1/foi/requests", json, null, null);
              }));
    }
    start.countDown();
    Set<String> codes = new HashSet<>();
    for (Future<Api.Response> answer : answers) {
      Api.Response r = answer.get();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      codes.add(r.json("$.trackingCode"));
    }
    pool.shutdown();
    assertThat(codes).hasSize(200);
    assertThat(
            jdbc.sql("SELECT COUNT(DISTINCT tracking_code) FROM foi_request WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Integer.class)
                .single())
        .isEqualTo(200);
  }

  @Test
  void theClockPausesRestartsAndExtendsAndAnUnansweredSupplementCloses() {
    Fixture f = newAgency();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    var days = calendar.current();
    String code =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(applicationJson(f.agency().code(), "钱七")),
                null,
                null)
            .json("$.trackingCode");
    long id = requestId(code);
    String base = "/api/v1/admin/foi/requests/" + id;
    staffPost(f, base + "/register", "{\"receivedOn\":\"" + today + "\"}");
    staffPost(
        f,
        base + "/supplement-request",
        "{\"items\":\"请写明项目名称\",\"until\":\"" + days.addWorkingDays(today, 10) + "\"}");
    assertThat(
            api()
                .post(
                    base + "/supplement-request",
                    "{\"items\":\"again\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    String restarted = staffPost(f, base + "/supplement-received", "{\"on\":\"" + today + "\"}");
    assertThat(restarted).contains("\"restartedAfterSupplement\":true");
    staffPost(f, base + "/consultation", "{\"party\":\"某建设公司\",\"sentOn\":\"" + today + "\"}");
    String answered =
        staffPost(
            f,
            base + "/consultation-answered",
            "{\"summary\":\"同意公开\",\"answeredOn\":\"" + today + "\"}");
    assertThat(answered).contains("\"dueOn\":\"" + days.addWorkingDays(today, 20) + "\"");
    String extended =
        staffPost(
            f, base + "/extension", "{\"days\":15,\"approver\":\"公开办主任\",\"reason\":\"涉及多个部门\"}");
    assertThat(extended).contains("\"dueOn\":\"" + days.addWorkingDays(today, 35) + "\"");
    assertThat(
            api()
                .post(
                    base + "/extension",
                    "{\"days\":5,\"approver\":\"x\",\"reason\":\"y\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);

    // While a consultation stands, the daily run moves the projected due date without logging it.
    String paused =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(applicationJson(f.agency().code(), "李九")),
                null,
                null)
            .json("$.trackingCode");
    long pausedId = requestId(paused);
    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + pausedId + "/register",
        "{\"receivedOn\":\"" + today + "\"}");
    staffPost(f, "/api/v1/admin/foi/requests/" + pausedId + "/consultation", "{\"party\":\"某公司\"}");
    reminders.run();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM foi_event WHERE request_id = ? AND kind = 'DUE_DATE_CHANGED'")
                .param(pausedId)
                .query(Integer.class)
                .single())
        .isZero();

    // A second request whose supplement deadline has passed closes as （六）1.
    String lapsed =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(applicationJson(f.agency().code(), "孙八")),
                null,
                null)
            .json("$.trackingCode");
    long lapsedId = requestId(lapsed);
    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + lapsedId + "/register",
        "{\"receivedOn\":\"" + today + "\"}");
    staffPost(
        f,
        "/api/v1/admin/foi/requests/" + lapsedId + "/supplement-request",
        "{\"items\":\"请补充\",\"days\":10}");
    clock.travelTo(days.addWorkingDays(today, 10));
    reminders.run();
    assertThat(
            api()
                .get("/api/v1/admin/foi/requests/" + lapsedId, f.editor().username(), PASSWORD)
                .<String>json("$.state"))
        .as("the last day of the period")
        .isEqualTo("AWAITING_SUPPLEMENT");
    clock.travelTo(days.addWorkingDays(today, 11));
    reminders.run();
    Api.Response closed =
        api().get("/api/v1/admin/foi/requests/" + lapsedId, f.editor().username(), PASSWORD);
    assertThat(closed.<String>json("$.state")).isEqualTo("CLOSED");
    assertThat(closed.<String>json("$.outcome")).isEqualTo("OTHER_NO_SUPPLEMENT");
    assertThat(closed.<String>json("$.letter")).contains("告知书", "视为放弃申请");
  }

  @Test
  void feesFollowTheMeasuresAndOnlyOneMethodApplies() {
    Fixture f = newAgency();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    long last = 0;
    for (int i = 0; i < 11; i++) {
      String code =
          api()
              .post(
                  "/api/v1/foi/requests",
                  api().answered(applicationJson(f.agency().code(), "周九")),
                  null,
                  null)
              .json("$.trackingCode");
      last = requestId(code);
      staffPost(
          f,
          "/api/v1/admin/foi/requests/" + last + "/register",
          "{\"receivedOn\":\"" + today + "\"}");
    }
    long first = last - 10;
    assertThat(
            api()
                .post(
                    "/api/v1/admin/foi/requests/" + first + "/fee-notice",
                    "{\"method\":\"PER_APPLICATION\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    String noticed =
        staffPost(
            f,
            "/api/v1/admin/foi/requests/" + last + "/fee-notice",
            "{\"method\":\"PER_APPLICATION\"}");
    assertThat(noticed).contains("\"state\":\"AWAITING_FEE\"", "\"amount\":100");
    assertThat(
            api()
                .post(
                    "/api/v1/admin/foi/requests/" + last + "/fee-notice",
                    "{\"method\":\"PER_PAGE\",\"pages\":50}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    // Sent by email, the notice is deemed received the day it went out, before any delivery is
    // recorded: the payment period runs from then.
    LocalDate payBy = calendar.current().addWorkingDays(today, 20);
    assertThat(noticed).contains("\"deliveryDeemed\":true", "\"payBy\":\"" + payBy + "\"");
    String delivered =
        staffPost(
            f,
            "/api/v1/admin/foi/requests/" + last + "/delivery",
            "{\"method\":\"EMAIL\",\"deliveredOn\":\"" + today + "\"}");
    assertThat(delivered).contains("\"payBy\":\"" + payBy + "\"", "\"deliveryDeemed\":false");
    clock.travelTo(payBy);
    reminders.run();
    assertThat(
            api()
                .get("/api/v1/admin/foi/requests/" + last, f.editor().username(), PASSWORD)
                .<String>json("$.state"))
        .isEqualTo("AWAITING_FEE");
    clock.travelTo(payBy.plusDays(1));
    reminders.run();
    assertThat(
            api()
                .get("/api/v1/admin/foi/requests/" + last, f.editor().username(), PASSWORD)
                .<String>json("$.outcome"))
        .isEqualTo("OTHER_FEE_UNPAID");
  }

  @Test
  void dueDatesFollowACalendarChangeAndTheChangeIsLogged() {
    Fixture f = newAgency();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String code =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(applicationJson(f.agency().code(), "吴十")),
                null,
                null)
            .json("$.trackingCode");
    long id = requestId(code);
    staffPost(
        f, "/api/v1/admin/foi/requests/" + id + "/register", "{\"receivedOn\":\"" + today + "\"}");
    LocalDate before = calendar.current().addWorkingDays(today, 20);
    LocalDate extraHoliday = calendar.current().addWorkingDays(today, 3);
    calendar.setDay(new CalendarDay(extraHoliday, DayKind.HOLIDAY, "测试假日"), admin());
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.sql("SELECT due_on FROM foi_request WHERE id = ?")
                              .param(id)
                              .query(LocalDate.class)
                              .single())
                      .isAfter(before));
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM foi_event WHERE request_id = ? AND kind = 'DUE_DATE_CHANGED'")
                  .param(id)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
      assertThat(
              api()
                  .get("/api/v1/calendar/is-working-day?date=" + extraHoliday)
                  .<Boolean>json("$.workingDay"))
          .isFalse();
    } finally {
      calendar.removeDay(extraHoliday, admin());
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT due_on FROM foi_request WHERE id = ?")
                            .param(id)
                            .query(LocalDate.class)
                            .single())
                    .isEqualTo(before));
  }

  @Test
  void theCalendarApiCountsWorkingDays() {
    Api.Response year = api().get("/api/v1/calendar/2026");
    assertThat(year.<Boolean>json("$.announced")).isTrue();
    assertThat(year.<List<String>>json("$.makeupWorkdays[*].date"))
        .contains("2026-02-14", "2026-02-28");
    assertThat(
            api()
                .get("/api/v1/calendar/add-working-days?from=2026-02-13&days=2")
                .<String>json("$.date"))
        .isEqualTo("2026-02-24");
    assertThat(
            api()
                .get("/api/v1/calendar/is-working-day?date=2026-02-28")
                .<Boolean>json("$.workingDay"))
        .isTrue();
    assertThat(api().get("/api/v1/calendar/2031").<Boolean>json("$.announced")).isFalse();
    assertThat(api().get("/api/v1/calendar/add-working-days?from=2026-02-13&days=-1").status())
        .isEqualTo(400);
    assertThat(api().get("/api/v1/calendar/add-working-days?from=notadate&days=1").status())
        .isEqualTo(400);
  }

  @Test
  void monthlyStatisticsCountByOutcomeAndAZeroReportDiffersFromAMissingOne() {
    Fixture f = newAgency();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
    for (int i = 0; i < 3; i++) {
      String code =
          api()
              .post(
                  "/api/v1/foi/requests",
                  api().answered(applicationJson(f.agency().code(), "郑" + i)),
                  null,
                  null)
              .json("$.trackingCode");
      long id = requestId(code);
      staffPost(
          f,
          "/api/v1/admin/foi/requests/" + id + "/register",
          "{\"receivedOn\":\"" + today + "\"}");
      if (i < 2) {
        staffPost(
            f,
            "/api/v1/admin/foi/requests/" + id + "/reply",
            i == 0
                ? "{\"outcome\":\"DISCLOSED\"}"
                : "{\"outcome\":\"UNAVAILABLE_NOT_HELD\",\"explanation\":\"经检索未找到\"}");
      }
    }
    Api.Response month =
        api()
            .get(
                "/api/v1/admin/foi/statistics?agency="
                    + f.agency().code()
                    + "&month="
                    + YearMonth.from(today),
                f.reviewer().username(),
                PASSWORD);
    assertThat(month.status()).isEqualTo(200);
    assertThat(month.<Integer>json("$.table.rows[0].cells[0]")).isEqualTo(3);
    assertThat(month.<String>json("$.table.rows[0].key")).isEqualTo("RECEIVED");
    List<Integer> disclosed = month.json("$.table.rows[?(@.key=='DISCLOSED')].cells[6]");
    List<Integer> notHeld = month.json("$.table.rows[?(@.key=='UNAVAILABLE_NOT_HELD')].cells[6]");
    List<Integer> total = month.json("$.table.rows[?(@.key=='TOTAL')].cells[6]");
    List<Integer> forward = month.json("$.table.rows[?(@.key=='CARRIED_FORWARD')].cells[6]");
    assertThat(disclosed).containsExactly(1);
    assertThat(notHeld).containsExactly(1);
    assertThat(total).containsExactly(2);
    assertThat(forward).containsExactly(1);
    assertThat(month.<List<Object>>json("$.table.rows")).hasSize(25);

    Api.Response before =
        api()
            .get(
                "/api/v1/admin/foi/statistics?agency=" + f.agency().code() + "&month=" + lastMonth,
                f.reviewer().username(),
                PASSWORD);
    assertThat(before.<Boolean>json("$.filed")).isFalse();
    Api.Response filed =
        api()
            .post(
                "/api/v1/admin/foi/statistics/filings?agency="
                    + f.agency().code()
                    + "&month="
                    + lastMonth,
                null,
                f.reviewer().username(),
                PASSWORD);
    assertThat(filed.status()).isEqualTo(201);
    assertThat(filed.<Boolean>json("$.filed")).isTrue();
    assertThat(filed.<Boolean>json("$.zeroReport")).isTrue();
    assertThat(
            api()
                .post(
                    "/api/v1/admin/foi/statistics/filings?agency="
                        + f.agency().code()
                        + "&month="
                        + YearMonth.from(today),
                    null,
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    Api.Response overview =
        api()
            .get(
                "/api/v1/admin/foi/statistics/overview?month=" + lastMonth,
                "admin",
                ADMIN_PASSWORD);
    List<Boolean> zero = overview.json("$[?(@.agency=='" + f.agency().code() + "')].zeroReport");
    assertThat(zero).containsExactly(true);
  }

  @Test
  void theConsoleListsShowsAndActsOnRequests() throws Exception {
    Fixture f = newAgency();
    String code =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(applicationJson(f.agency().code(), "冯十一")),
                null,
                null)
            .json("$.trackingCode");
    long id = requestId(code);
    MvcResult login =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .param("username", f.editor().username())
                    .param("password", PASSWORD))
            .andReturn();
    var editor = (MockHttpSession) login.getRequest().getSession();
    assertThat(
            mvc.perform(get("/console/foi").session(editor))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(code, "冯**");
    MvcResult registered =
        mvc.perform(post("/console/foi/" + id + "/register").session(editor).with(csrf()))
            .andReturn();
    assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/console/foi/" + id);
    String show =
        mvc.perform(get("/console/foi/" + id).session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(show).contains("办理中", "期限计算说明", "个人信息已遮蔽").doesNotContain("reveal-personal-data");
    // The page tells the request's story first: each step with the due date it left.
    LocalDate due =
        calendar.current().addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 20);
    assertThat(show).contains("class=\"timeline\"", "已提交，待登记", "答复期限 " + due);
    assertThat(show.indexOf("class=\"timeline\"")).isLessThan(show.indexOf("id=\"applicant\""));
    String preview =
        mvc.perform(
                get("/console/foi/" + id + "/letter")
                    .param("outcome", "WITHHELD_STATE_SECRET")
                    .param("explanation", "涉及国家秘密")
                    .session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview).contains("告知书", "第十四条", "涉及国家秘密");
    assertThat(
            mvc.perform(get("/console/foi/statistics").session(editor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(
            mvc.perform(get("/console/foi/templates").session(editor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(
            mvc.perform(get("/console/foi/new").session(editor))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("name=\"idNumber\"", "name=\"receivedOn\"", "name=\"deliveryChannel\"");
  }

  @Test
  void severalRequestsTickedInTheListAreAssignedAtOnce() throws Exception {
    Fixture f = newAgency();
    long first =
        requestId(
            api()
                .post(
                    "/api/v1/foi/requests",
                    api().answered(applicationJson(f.agency().code(), "冯一")),
                    null,
                    null)
                .json("$.trackingCode"));
    long second =
        requestId(
            api()
                .post(
                    "/api/v1/foi/requests",
                    api().answered(applicationJson(f.agency().code(), "冯二")),
                    null,
                    null)
                .json("$.trackingCode"));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    for (long id : new long[] {first, second}) {
      staffPost(
          f,
          "/api/v1/admin/foi/requests/" + id + "/register",
          "{\"receivedOn\":\"" + today + "\"}");
    }
    MvcResult login =
        mvc.perform(
                post("/login")
                    .with(csrf())
                    .param("username", f.editor().username())
                    .param("password", PASSWORD))
            .andReturn();
    var editor = (MockHttpSession) login.getRequest().getSession();
    assertThat(
            mvc.perform(get("/console/foi").session(editor))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"pick-" + first + "\"", "id=\"assign-several-submit\"");
    String latestFirst =
        mvc.perform(get("/console/foi").param("order", "RECEIVED").session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(latestFirst).contains("value=\"RECEIVED\" selected");
    assertThat(latestFirst.indexOf("id=\"pick-" + second + "\""))
        .as("received on the same day: the later one first")
        .isLessThan(latestFirst.indexOf("id=\"pick-" + first + "\""));

    MvcResult assigned =
        mvc.perform(
                post("/console/foi/assign-several")
                    .session(editor)
                    .with(csrf())
                    .param("ids", Long.toString(first), Long.toString(second), "987654321")
                    .param("assignee", Long.toString(f.reviewer().id())))
            .andReturn();
    assertThat(assigned.getResponse().getRedirectedUrl()).isEqualTo("/console/foi");
    assertThat((Object[]) assigned.getFlashMap().get("noticeArgs")).containsExactly(2);
    assertThat((String) ((Object[]) assigned.getFlashMap().get("refusalArgs"))[1])
        .contains("987654321");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE id IN (?, ?) AND assignee_id = ?")
                .params(first, second, f.reviewer().id())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM foi_event WHERE request_id IN (?, ?) AND kind = 'ASSIGNED'")
                .params(first, second)
                .query(Integer.class)
                .single())
        .as("each in its history")
        .isEqualTo(2);
  }
}
