package org.gongkai.interaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.internal.ShippedCalendar;
import org.gongkai.support.Api;
import org.gongkai.support.Challenges;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The mailbox from the sender's message to the published answer, and the record of interviews. */
abstract class InteractionIntegrationTests extends PlatformIntegrationTests {

  @Autowired WorkingCalendar calendar;

  @Autowired Mailbox mailbox;

  @Autowired MailboxReminders reminders;

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

  static String message(String agency, String type, boolean consent) {
    return "{\"agency\":\""
        + agency
        + "\",\"type\":\""
        + type
        + "\",\"toHead\":true,\"title\":\"小区门口路灯不亮\","
        + "\"content\":\"滨江路100号门口路灯已坏两周。\",\"name\":\"吴女士\",\"phone\":\"13912345678\","
        + "\"email\":\"wu@example.cn\",\"publicConsent\":"
        + consent
        + "}";
  }

  @Test
  void aQuestionIsAnsweredWithinItsWorkingDaysRatedAndPublishedWithConsent() {
    Fixture f = newAgency();
    Api.Response bad =
        api()
            .post(
                "/api/v1/mailbox/messages",
                api()
                    .answered(
                        message(f.agency().code(), "QUESTION", true)
                            .replace("\"phone\":\"13912345678\",", "")
                            .replace("\"email\":\"wu@example.cn\",", "")),
                null,
                null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.<List<String>>json("$.errors[*].field")).contains("phone");

    // An extra holiday inside the reply period moves the due date.
    LocalDate holiday = calendar.current().addWorkingDays(today(), 2);
    calendar.setDay(new CalendarDay(holiday, DayKind.HOLIDAY, "测试假日"), admin());
    Api.Response created;
    try {
      created =
          api()
              .post(
                  "/api/v1/mailbox/messages",
                  api().answered(message(f.agency().code(), "QUESTION", true)),
                  null,
                  null);
      assertThat(created.status()).isEqualTo(201);
      String code = created.json("$.trackingCode");
      String secret = created.json("$.secret");
      Api.Response status = api().get("/api/v1/mailbox/messages/" + code + "?secret=" + secret);
      assertThat(status.<String>json("$.dueOn"))
          .isEqualTo(calendar.current().addWorkingDays(today(), 5).toString());
      assertThat(LocalDate.parse(status.json("$.dueOn")))
          .isAfter(ShippedCalendar.workingDays().addWorkingDays(today(), 5));
    } finally {
      calendar.removeDay(holiday, admin());
    }
    String code = created.json("$.trackingCode");
    String secret = created.json("$.secret");
    assertThat(api().get("/api/v1/mailbox/messages/" + code + "?secret=WRONG").status())
        .isEqualTo(404);

    Api.Response list =
        api().get("/api/v1/admin/mailbox/messages?due=open", f.editor().username(), PASSWORD);
    assertThat(list.body()).contains(code, "吴**").doesNotContain("13912345678");
    long id =
        ((Number) list.<List<Number>>json("$[?(@.trackingCode=='" + code + "')].id").get(0))
            .longValue();
    step(f, id, "route", "{\"unit\":\"城市管理科\"}");
    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + id + "/publication",
                    "{\"published\":true}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    String messages = "/api/v1/admin/mailbox/messages/" + id + "/reply";
    assertThat(
            api()
                .post(
                    messages,
                    "{\"text\":\"已回复\",\"on\":\"" + today().minusDays(1) + "\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("a reply cannot take effect before the message arrived")
        .isEqualTo(400);
    assertThat(
            api()
                .post(
                    messages,
                    "{\"text\":\"已回复\",\"on\":\"" + today().plusDays(1) + "\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("nor after today")
        .isEqualTo(400);
    Api.Response replied = step(f, id, "reply", "{\"text\":\"已安排维修，预计三日内恢复。\"}");
    assertThat(replied.<String>json("$.state")).isEqualTo("REPLIED");
    assertThat(replied.<String>json("$.phone"))
        .as("masked for staff without the permission")
        .isEqualTo("139******78");

    Api.Response rated =
        api()
            .post(
                "/api/v1/mailbox/messages/" + code + "/rating?secret=" + secret,
                "{\"rating\":5,\"comment\":\"很快\"}",
                null,
                null);
    assertThat(rated.status()).as(rated.body()).isEqualTo(200);
    assertThat(rated.<Integer>json("$.rating")).isEqualTo(5);
    assertThat(
            api()
                .post(
                    "/api/v1/mailbox/messages/" + code + "/rating?secret=" + secret,
                    "{\"rating\":1}",
                    null,
                    null)
                .status())
        .isEqualTo(409);

    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + id + "/publication",
                    "{\"published\":true}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("who wrote the reply does not publish it")
        .isEqualTo(403);
    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + id + "/publication",
                    "{\"published\":true}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    Api.Response qa = api().get("/api/v1/qa?agency=" + f.agency().code());
    assertThat(qa.<List<String>>json("$[*].reply")).containsExactly("已安排维修，预计三日内恢复。");
    assertThat(qa.body()).doesNotContain("吴女士", "13912345678", "wu@example.cn");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'mailbox-message' AND subject_id = ?")
                .param(String.valueOf(id))
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void messagesAreTransferredRedirectedRemindedAndTheOldestUnansweredIsFlagged() {
    Fixture f = newAgency();
    Fixture other = newAgency();
    long transferred = submit(f, "COMPLAINT");
    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + transferred + "/transfer",
                    "{\"agency\":\"" + other.agency().code() + "\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + transferred + "/transfer",
                    "{\"agency\":\"" + other.agency().code() + "\",\"reason\":\"属于对方职责\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(
            api()
                .get(
                    "/api/v1/admin/mailbox/messages/" + transferred,
                    other.editor().username(),
                    PASSWORD)
                .<String>json("$.agency"))
        .isEqualTo(other.agency().code());
    assertThat(
            api()
                .get(
                    "/api/v1/admin/mailbox/messages/" + transferred,
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(403);

    long redirected = submit(f, "QUESTION");
    assertThat(
            step(f, redirected, "redirect-to-request", "{\"text\":\"请通过政府信息公开申请获取。\"}")
                .<String>json("$.state"))
        .isEqualTo("REDIRECTED");

    clock.travelTo(today().minusMonths(4));
    long old = submit(f, "SUGGESTION");
    clock.reset();
    Api.Response oldest =
        api().get("/api/v1/admin/mailbox/oldest-unanswered", f.editor().username(), PASSWORD);
    List<Boolean> veto = oldest.json("$[?(@.agency=='" + f.agency().code() + "')].veto");
    assertThat(veto).containsExactly(true);
    int written = reminders.remind();
    assertThat(written).isGreaterThanOrEqualTo(1);
    assertThat(reminders.remind()).isZero();
    assertThat(
            jdbc.sql("SELECT kind FROM mailbox_notification WHERE message_id = ?")
                .param(old)
                .query(String.class)
                .single())
        .isEqualTo("OVERDUE");
  }

  @Test
  void theJsonEndpointAsksTheQuestionTooAndEachAnswerServesOneMessage() {
    Fixture f = newAgency();
    String complete = message(f.agency().code(), "QUESTION", false);
    Api.Response unasked = api().post("/api/v1/mailbox/messages", complete, null, null);
    assertThat(unasked.status()).isEqualTo(400);
    assertThat(unasked.<List<String>>json("$.errors[*].field")).containsExactly("altcha");

    String question = api().question();
    String incomplete =
        complete
            .replace("\"phone\":\"13912345678\",", "")
            .replace("\"email\":\"wu@example.cn\",", "");
    assertThat(
            api()
                .post("/api/v1/mailbox/messages", Challenges.into(question, incomplete), null, null)
                .status())
        .isEqualTo(400);
    assertThat(
            api()
                .post("/api/v1/mailbox/messages", Challenges.into(question, complete), null, null)
                .status())
        .as("a refused message leaves its answer unspent")
        .isEqualTo(201);
    Api.Response replayed =
        api().post("/api/v1/mailbox/messages", Challenges.into(question, complete), null, null);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.body()).contains("已经用过");
  }

  @Test
  void theSendersDetailsAreMaskedUnlessAPermittedViewIsRecorded() {
    Fixture f = newAgency();
    long id = submit(f, "QUESTION");
    String path = "/api/v1/admin/mailbox/messages/" + id;
    Api.Response masked = api().get(path, f.editor().username(), PASSWORD);
    assertThat(masked.<String>json("$.name")).isEqualTo("吴**");
    assertThat(masked.body()).doesNotContain("13912345678", "wu@example.cn");
    assertThat(api().get(path + "?reveal=true", f.editor().username(), PASSWORD).status())
        .isEqualTo(403);
    grantPersonalData(f.editor());
    Api.Response full = api().get(path + "?reveal=true", f.editor().username(), PASSWORD);
    assertThat(full.<String>json("$.phone")).isEqualTo("13912345678");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'mailbox.personal-data.viewed'"
                        + " AND subject_id = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aFloodIsClosedAsSpamAndCountsNeitherAsUnansweredNorAsAnswered() {
    Fixture f = newAgency();
    clock.travelTo(today().minusMonths(4));
    long spam = submit(f, "QUESTION");
    clock.reset();
    List<Boolean> veto =
        api()
            .get("/api/v1/admin/mailbox/oldest-unanswered", f.editor().username(), PASSWORD)
            .json("$[?(@.agency=='" + f.agency().code() + "')].veto");
    assertThat(veto).containsExactly(true);

    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + spam + "/spam",
                    "{}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("a reason is required")
        .isEqualTo(400);
    assertThat(step(f, spam, "spam", "{\"text\":\"重复发送的广告\"}").<String>json("$.state"))
        .isEqualTo("SPAM");
    assertThat(
            api()
                .get("/api/v1/admin/mailbox/oldest-unanswered", f.editor().username(), PASSWORD)
                .<List<Object>>json("$[?(@.agency=='" + f.agency().code() + "')]"))
        .isEmpty();
    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + spam + "/publication",
                    "{\"published\":true}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(409);
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_record WHERE subject_type = 'mailbox-message' AND subject_id = ?"
                        + " AND action = 'mailbox.closed_as_spam'")
                .param(String.valueOf(spam))
                .query(String.class)
                .single())
        .isEqualTo("重复发送的广告");
  }

  @Test
  void theMailboxFormAsksTheAccessibleQuestion() throws Exception {
    Fixture f = newAgency();
    String page =
        mvc.perform(get("/mailbox").param("agency", f.agency().code()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher q = Pattern.compile("(\\d+)加(\\d+)等于多少").matcher(page);
    Matcher token = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"").matcher(page);
    assertThat(q.find() && token.find()).isTrue();
    var ok =
        mvc.perform(
                post("/mailbox")
                    .with(csrf())
                    .param("agency", f.agency().code())
                    .param("type", "SUGGESTION")
                    .param("title", "建议增设公交站")
                    .param("content", "建议在滨江路增设公交站。")
                    .param("phone", "13900000000")
                    .param("challengeToken", token.group(1))
                    .param(
                        "challengeAnswer",
                        String.valueOf(
                            Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2)))))
            .andReturn();
    assertThat(ok.getModelAndView().getViewName()).isEqualTo("interaction/acknowledged");
    assertThat(ok.getModelAndView().getModel().get("ack")).isNotNull();
    assertThat(ok.getRequest().getSession(false)).isNull();

    String replayed =
        mvc.perform(
                post("/mailbox")
                    .with(csrf())
                    .param("agency", f.agency().code())
                    .param("type", "SUGGESTION")
                    .param("title", "建议增设公交站")
                    .param("content", "建议在滨江路增设公交站。")
                    .param("phone", "13900000000")
                    .param("challengeToken", token.group(1))
                    .param(
                        "challengeAnswer",
                        String.valueOf(
                            Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2)))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(replayed).as("the same answer does not send a second message").contains("已经用过");
  }

  @Test
  void interviewsRecordLeadersFollowUpsAndTheParticipationRate() throws Exception {
    Fixture f = newAgency();
    MockHttpSession session = login(f.agencyAdmin().username());
    for (String[] l :
        new String[][] {{"张明", "局长", "HEAD"}, {"李华", "副局长", "DEPUTY"}, {"王强", "副局长", "DEPUTY"}}) {
      mvc.perform(
          post("/console/interviews/leaders")
              .with(csrf())
              .session(session)
              .param("agency", f.agency().code())
              .param("name", l[0])
              .param("title", l[1])
              .param("role", l[2]));
    }
    List<Long> leaders =
        jdbc.sql("SELECT id FROM agency_leader WHERE agency_id = ? ORDER BY id")
            .param(f.agency().id())
            .query(Long.class)
            .list();
    assertThat(leaders).hasSize(3);
    var recorded =
        mvc.perform(
                post("/console/interviews")
                    .with(csrf())
                    .session(session)
                    .param("agency", f.agency().code())
                    .param("kind", "HOTLINE")
                    .param("heldOn", today().toString())
                    .param("channel", "临江广播电台")
                    .param("topic", "营商环境热线")
                    .param(
                        "leaders", String.valueOf(leaders.get(0)), String.valueOf(leaders.get(1)))
                    .param("questionsReceived", "12")
                    .param("questionsAnswered", "10")
                    .param("transcript", "问：办理营业执照需要多久？\n答：一般三个工作日。"))
            .andReturn();
    String location = recorded.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/console/interviews/");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    mvc.perform(
        post("/console/interviews/" + id + "/follow-ups")
            .with(csrf())
            .session(session)
            .param("action", "梳理营业执照办理流程")
            .param("owner", "行政审批科")
            .param("dueOn", today().plusDays(30).toString()));
    long followUp =
        jdbc.sql("SELECT id FROM interview_follow_up WHERE interview_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    mvc.perform(
        post("/console/interviews/" + id + "/follow-ups/" + followUp)
            .with(csrf())
            .session(session)
            .param("status", "DONE"));
    String console =
        mvc.perform(get("/console/interviews").session(session).param("agency", f.agency().code()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(console).contains("领导参与率：66.7%", "主要负责人本年度已参与");
    assertThat(mvc.perform(get("/interviews/" + id)).andReturn().getResponse().getStatus())
        .as("not public until a second person publishes it")
        .isEqualTo(404);
    assertThat(
            mvc.perform(
                    post("/console/interviews/" + id + "/publish").with(csrf()).session(session))
                .andReturn()
                .getFlashMap()
                .get("refusal"))
        .isEqualTo("review.own-work");
    mvc.perform(
        post("/console/interviews/" + id + "/publish")
            .with(csrf())
            .session(login(f.reviewer().username())));
    String portal =
        mvc.perform(get("/interviews/" + id)).andReturn().getResponse().getContentAsString();
    assertThat(portal).contains("营商环境热线", "一般三个工作日", "梳理营业执照办理流程", "已办结", "局长张明");
    var bad =
        mvc.perform(
                post("/console/interviews")
                    .with(csrf())
                    .session(session)
                    .param("agency", f.agency().code())
                    .param("kind", "HOTLINE")
                    .param("heldOn", today().toString())
                    .param("channel", "x")
                    .param("topic", "y")
                    .param("leaders", String.valueOf(leaders.get(0)))
                    .param("questionsReceived", "1")
                    .param("questionsAnswered", "2"))
            .andReturn();
    assertThat(bad.getFlashMap().get("refusal")).isEqualTo("interview.questions.invalid");
    jdbc.sql("UPDATE interview SET published = FALSE WHERE id = ?").param(id).update();
    assertThat(mvc.perform(get("/interviews/" + id)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  private long submit(Fixture f, String type) {
    Api.Response r =
        api()
            .post(
                "/api/v1/mailbox/messages",
                api().answered(message(f.agency().code(), type, false)),
                null,
                null);
    assertThat(r.status()).isEqualTo(201);
    return jdbc.sql("SELECT id FROM mailbox_message WHERE tracking_code = ?")
        .param((String) r.json("$.trackingCode"))
        .query(Long.class)
        .single();
  }

  private Api.Response step(Fixture f, long id, String step, String json) {
    Api.Response r =
        api()
            .post(
                "/api/v1/admin/mailbox/messages/" + id + "/" + step,
                json,
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  private MockHttpSession login(String username) throws Exception {
    var result =
        mvc.perform(
                post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
            .andReturn();
    return (MockHttpSession) result.getRequest().getSession();
  }
}
